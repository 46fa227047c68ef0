using System.Buffers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Telemetry.Spool;

/// <summary>
/// The durable, bounded FIFO between recording and the server. Lines are appended as CRC-checked
/// records to segment files and flushed to disk per batch; they leave the spool only when
/// <see cref="Complete"/> reports the server's 2xx (or the dead-letter file took them), and that
/// position is persisted. On open, a torn or garbled tail is cut. When the bound in bytes or age
/// is exceeded, whole oldest segments are deleted and their unsent points counted in
/// <see cref="Dropped"/> — never silently.
/// </summary>
public sealed class DiskSpool : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SpoolOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AckFile _ackFile;
    private readonly List<SpoolSegment> _segments = [];
    private FileStream? _active;
    private long _acknowledged;
    private long _nextSequence;
    private long _pending;
    private long _dropped;
    private long _totalBytes;

    // Oldest-first cursor: the next record to hand out, ahead of _acknowledged while a batch is in flight.
    private readonly SpoolCursor _read = new();

    // Newest-first cursor (ReadNewest): never behind _read; what it skips stays for _read.
    private readonly SpoolCursor _live = new();

    // Lines above _acknowledged the server already took (sent by ReadNewest ahead of the backlog).
    private readonly DeliveredRanges _delivered = new();
    private bool _disposed;

    private DiskSpool(SpoolOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _ackFile = new AckFile(options.Directory);
    }

    /// <summary>Unsent points on disk.</summary>
    public long Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending;
            }
        }
    }

    /// <summary>Unsent points found on disk when the spool was opened (the backlog of an earlier run).</summary>
    public long Recovered { get; private set; }

    /// <summary>Points deleted unsent to keep the spool within its bounds.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Bytes of all segment files.</summary>
    public long TotalBytes
    {
        get
        {
            lock (_gate)
            {
                return _totalBytes;
            }
        }
    }

    public int SegmentCount
    {
        get
        {
            lock (_gate)
            {
                return _segments.Count;
            }
        }
    }

    /// <summary>Opens (creating when needed) the spool in <see cref="SpoolOptions.Directory"/>, cutting any torn tail.</summary>
    public static DiskSpool Open(SpoolOptions options, TimeProvider? time = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Directory.CreateDirectory(options.Directory);
        var spool = new DiskSpool(options, time ?? TimeProvider.System, logger ?? NullLogger.Instance);
        spool.Recover();
        return spool;
    }

    /// <summary>
    /// Appends newline-terminated lines as one batch and flushes it to disk before returning.
    /// Returns the number of lines appended.
    /// </summary>
    public int Append(ReadOnlySpan<byte> lines)
    {
        if (lines.IsEmpty)
        {
            return 0;
        }

        var count = lines.Count((byte)'\n');
        var recordBytes = lines.Length - count + (count * (SpoolRecordFormat.HeaderBytes));
        var buffer = ArrayPool<byte>.Shared.Rent(recordBytes);
        try
        {
            lock (_gate)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
                EnforceBounds(now, recordBytes);
                var segment = ActiveSegment(recordBytes);
                var written = 0;
                var appended = 0;
                var remaining = lines;
                while (!remaining.IsEmpty)
                {
                    var end = remaining.IndexOf((byte)'\n');
                    var line = end < 0 ? remaining : remaining[..end];
                    remaining = end < 0 ? [] : remaining[(end + 1)..];
                    if (line.IsEmpty || line.Length > SpoolRecordFormat.MaxPayloadBytes)
                    {
                        continue;
                    }

                    var record = buffer.AsSpan(written, SpoolRecordFormat.HeaderBytes + line.Length);
                    line.CopyTo(record[SpoolRecordFormat.HeaderBytes..]);
                    SpoolRecordFormat.WriteHeader(record, _nextSequence + appended, now, line.Length);
                    written += record.Length;
                    appended++;
                }

                _active!.Write(buffer, 0, written);
                _active.Flush(flushToDisk: true);
                _nextSequence += appended;
                segment.LastSequence += appended;
                segment.Bytes += written;
                segment.LastSpooledAtUnixMs = now;
                _totalBytes += written;
                _pending += appended;
                return appended;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The next unsent lines after those already handed out, oldest first: at most
    /// <paramref name="maxLines"/> lines and <paramref name="maxBytes"/> bytes. Null when there is nothing.
    /// Lines already sent by <see cref="ReadNewest"/> are skipped.
    /// </summary>
    public SpoolBatch? Read(int maxLines, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnforceBounds(_time.GetUtcNow().ToUnixTimeMilliseconds(), 0);
            return ReadAt(_read, skipBelow: 0, maxLines, maxBytes);
        }
    }

    /// <summary>
    /// The newest unsent lines (at most <paramref name="maxLines"/>, ending at the newest appended)
    /// not handed out yet, when older unsent lines wait in front of them — so that live points need
    /// not queue behind a backlog. Null when there is no backlog (then <see cref="Read"/> is the
    /// same) or nothing new. Lines the newest-first cursor jumps over stay for <see cref="Read"/>;
    /// after <see cref="Complete"/> the batch is remembered as delivered (in memory: after a crash
    /// it is sent again and overwrites itself) until the acknowledged position passes it.
    /// </summary>
    public SpoolBatch? ReadNewest(int maxLines, int maxBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            EnforceBounds(_time.GetUtcNow().ToUnixTimeMilliseconds(), 0);
            if (_live.Sequence < _read.Sequence)
            {
                _live.MoveTo(_read);
            }

            var newest = _nextSequence - 1;
            var start = Math.Max(_live.Sequence, newest - maxLines + 1);
            if (start <= _read.Sequence || start > newest)
            {
                return null;
            }

            // Start in the newest segment that holds the start, then walk headers forward to it.
            var segment = _segments.LastOrDefault(s => s.FirstSequence <= start);
            if (segment is not null && segment.FirstSequence > _live.Sequence)
            {
                _live.MoveToSegmentStart(segment.FirstSequence);
            }

            return ReadAt(_live, skipBelow: start, maxLines, maxBytes);
        }
    }

    /// <summary>
    /// The server took <paramref name="batch"/> (2xx), except <paramref name="deadLettered"/> lines
    /// that went to the dead-letter file. Persists the new position and deletes segments no longer
    /// needed. Returns how many of the batch's points count as written (lines dropped by a bound
    /// while the batch was in flight were counted as dropped already).
    /// </summary>
    public (long Written, long DeadLettered) Complete(SpoolBatch batch, int deadLettered = 0)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long stillPending = 0;
            foreach (var sequence in batch.Sequences)
            {
                if (sequence > _acknowledged && _delivered.SkipFrom(sequence) == sequence)
                {
                    stillPending++;
                }
            }

            // Every sequence between the batch's first and last is in it or was delivered before, so
            // the whole range is delivered; the position moves over whatever became contiguous.
            if (batch.Count > 0)
            {
                _delivered.Add(batch.Sequences[0], batch.Sequences[^1]);
                _acknowledged = _delivered.Advance(_acknowledged);
            }

            _pending -= stillPending;
            _ackFile.Write(_acknowledged);
            DeleteAcknowledgedSegments();
            var dead = Math.Min(deadLettered, stillPending);
            return (stillPending - dead, dead);
        }
    }

    /// <summary>Forgets batches handed out but not completed, so that reading starts again at the first unacknowledged line.</summary>
    public void Rewind()
    {
        lock (_gate)
        {
            Seek(_acknowledged + 1);
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _active?.Dispose();
            _active = null;
        }
    }

    private void Recover()
    {
        _acknowledged = _ackFile.Read();
        var files = Directory.EnumerateFiles(_options.Directory, "*" + SpoolSegment.Extension)
            .Select(path => (path, ok: SpoolSegment.TryParseFileName(path, out var first), first))
            .Where(f => f.ok)
            .OrderBy(f => f.first)
            .ToList();
        foreach (var (path, _, first) in files)
        {
            var segment = Scan(path, first);
            if (segment.Count == 0)
            {
                File.Delete(path);
                continue;
            }

            _segments.Add(segment);
            _totalBytes += segment.Bytes;
            _pending += Math.Max(0, segment.LastSequence - Math.Max(_acknowledged, segment.FirstSequence - 1));
        }

        // Never reuse a sequence number, not even one of a segment that was acknowledged and deleted.
        _nextSequence = Math.Max(_acknowledged, _segments.Count > 0 ? _segments[^1].LastSequence : 0) + 1;
        Recovered = _pending;
        DeleteAcknowledgedSegments();
        Seek(_acknowledged + 1);
        if (_pending > 0)
        {
            Log.SpoolRecovered(_logger, _options.Directory, _pending);
        }
    }

    // Reads every record of a segment, checking length, CRC and sequence; the first bad record and
    // everything after it is cut (a torn write after a power loss leaves exactly such a tail).
    private SpoolSegment Scan(string path, long firstSequence)
    {
        var segment = new SpoolSegment(path, firstSequence);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, bufferSize: 64 * 1024);
        var fileLength = stream.Length;
        var record = new byte[SpoolRecordFormat.HeaderBytes + 4096];
        long offset = 0;
        while (offset + SpoolRecordFormat.HeaderBytes <= fileLength)
        {
            stream.ReadExactly(record.AsSpan(0, SpoolRecordFormat.HeaderBytes));
            var length = SpoolRecordFormat.PayloadLength(record);
            var size = SpoolRecordFormat.HeaderBytes + (long)length;
            if (length > SpoolRecordFormat.MaxPayloadBytes || offset + size > fileLength)
            {
                break;
            }

            if (record.Length < size)
            {
                Array.Resize(ref record, (int)size);
            }

            stream.ReadExactly(record.AsSpan(SpoolRecordFormat.HeaderBytes, length));
            var span = record.AsSpan(0, (int)size);
            if (!SpoolRecordFormat.IsIntact(span) || SpoolRecordFormat.Sequence(span) != segment.LastSequence + 1)
            {
                break;
            }

            segment.LastSequence++;
            segment.LastSpooledAtUnixMs = SpoolRecordFormat.SpooledAt(span);
            offset += size;
        }

        if (offset < fileLength)
        {
            Log.SpoolTornTail(_logger, Path.GetFileName(path), fileLength - offset, offset);
            stream.SetLength(offset);
            stream.Flush(flushToDisk: true);
        }

        segment.Bytes = offset;
        return segment;
    }

    private SpoolSegment ActiveSegment(int incomingBytes)
    {
        var last = _segments.Count > 0 ? _segments[^1] : null;
        if (last is not null && _active is not null && (last.Bytes == 0 || last.Bytes + incomingBytes <= _options.EffectiveSegmentBytes))
        {
            return last;
        }

        // Rotate: the old segment is complete; a new file starts at the next sequence number.
        _active?.Dispose();
        var segment = new SpoolSegment(Path.Combine(_options.Directory, SpoolSegment.FileName(_nextSequence)), _nextSequence);
        _active = new FileStream(segment.Path, FileMode.Create, FileAccess.Write, FileShare.Read | FileShare.Delete, bufferSize: 0);
        _segments.Add(segment);
        DeleteAcknowledgedSegments();
        return segment;
    }

    private void EnforceBounds(long nowUnixMs, int incomingBytes)
    {
        var oldestAllowed = nowUnixMs - (long)_options.MaxAge.TotalMilliseconds;
        while (_segments.Count > 0)
        {
            var oldest = _segments[0];
            string bound;
            if (_totalBytes + incomingBytes > _options.MaxBytes && oldest.Bytes > 0)
            {
                bound = "size";
            }
            else if (oldest.Count > 0 && oldest.LastSpooledAtUnixMs < oldestAllowed)
            {
                bound = "age";
            }
            else
            {
                return;
            }

            var firstUnacknowledged = Math.Max(_acknowledged + 1, oldest.FirstSequence);
            var unsent = Math.Max(0, oldest.LastSequence - firstUnacknowledged + 1) - _delivered.CountIn(firstUnacknowledged, oldest.LastSequence);
            RemoveOldest();
            _acknowledged = _delivered.Advance(Math.Max(_acknowledged, oldest.LastSequence));
            _pending -= unsent;
            Interlocked.Add(ref _dropped, unsent);
            _ackFile.Write(_acknowledged);
            if (unsent > 0)
            {
                Log.SpoolDropped(_logger, bound, Path.GetFileName(oldest.Path), unsent);
            }
        }
    }

    private void DeleteAcknowledgedSegments()
    {
        // The newest segment stays while it is the one being appended to.
        while (_segments.Count > 0 && _segments[0].LastSequence <= _acknowledged && (_segments.Count > 1 || _active is null))
        {
            RemoveOldest();
        }
    }

    private void RemoveOldest()
    {
        var oldest = _segments[0];
        if (_segments.Count == 1 && _active is not null)
        {
            _active.Dispose();
            _active = null;
        }

        _segments.RemoveAt(0);
        _totalBytes -= oldest.Bytes;
        File.Delete(oldest.Path);
        foreach (var cursor in (ReadOnlySpan<SpoolCursor>)[_read, _live])
        {
            if (cursor.Sequence <= oldest.LastSequence)
            {
                cursor.MoveToSegmentStart(oldest.LastSequence + 1);
            }
        }
    }

    // Positions the oldest-first cursor on a sequence number, finding its offset by walking the
    // record headers; the newest-first cursor starts from there too.
    private void Seek(long sequence)
    {
        _read.MoveToSegmentStart(sequence);
        _live.MoveTo(_read);
        var segment = _segments.FirstOrDefault(s => s.LastSequence >= sequence && s.FirstSequence <= sequence);
        if (segment is null)
        {
            return;
        }

        using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 4096);
        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderBytes];
        long offset = 0;
        for (var s = segment.FirstSequence; s < sequence; s++)
        {
            stream.Position = offset;
            stream.ReadExactly(header);
            offset += SpoolRecordFormat.HeaderBytes + SpoolRecordFormat.PayloadLength(header);
        }

        _read.Segment = segment.FirstSequence;
        _read.Offset = offset;
        _live.MoveTo(_read);
    }

    // Hands out records from the cursor on, oldest first, leaving out those below skipBelow and
    // those already delivered (both stay unread by this batch; the cursor moves past them).
    private SpoolBatch? ReadAt(SpoolCursor cursor, long skipBelow, int maxLines, int maxBytes)
    {
        SpoolBatch? batch = null;
        Span<byte> header = stackalloc byte[SpoolRecordFormat.HeaderBytes];
        foreach (var segment in _segments)
        {
            if (segment.LastSequence < cursor.Sequence)
            {
                continue;
            }

            if (segment.FirstSequence != cursor.Segment)
            {
                // Entering a segment without an offset (a gap left by a dropped or cut segment, or a
                // position inside it): start at its first record and walk past those below the position.
                skipBelow = Math.Max(skipBelow, cursor.Sequence);
                cursor.Segment = segment.FirstSequence;
                cursor.Offset = 0;
                cursor.Sequence = segment.FirstSequence;
            }

            using var stream = new FileStream(segment.Path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 64 * 1024);
            stream.Position = cursor.Offset;
            while (cursor.Sequence <= segment.LastSequence)
            {
                stream.ReadExactly(header);
                var length = SpoolRecordFormat.PayloadLength(header);
                if (SpoolRecordFormat.Sequence(header) != cursor.Sequence)
                {
                    throw new InvalidDataException($"spool segment {Path.GetFileName(segment.Path)}: expected sequence {cursor.Sequence} at offset {cursor.Offset}");
                }

                if (cursor.Sequence < skipBelow || _delivered.SkipFrom(cursor.Sequence) != cursor.Sequence)
                {
                    stream.Seek(length, SeekOrigin.Current);
                }
                else
                {
                    batch ??= new SpoolBatch(Math.Min(maxBytes, 256 * 1024) + length + 1, Math.Min(maxLines, 8192));
                    if (batch.Count > 0 && !batch.HasRoomFor(length, maxBytes, maxLines))
                    {
                        return batch;
                    }

                    stream.ReadExactly(batch.Reserve(length));
                    batch.Commit(length, cursor.Sequence);
                }

                cursor.Sequence++;
                cursor.Offset += SpoolRecordFormat.HeaderBytes + length;
            }
        }

        return batch;
    }
}
