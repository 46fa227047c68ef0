using System.Buffers;
using System.Threading.Channels;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Telemetry.LineProtocol;
using GridEdge.Telemetry.Schema;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Telemetry.Pipeline;

/// <summary>
/// What the host uses: <see cref="Record(TelemetryPoint)"/> from the control loop (never blocks:
/// a bounded queue, counted drops when full), and <see cref="RunAsync"/> in a background service,
/// which moves queued points to the disk spool (flushed per batch) and the spool to the server,
/// oldest first, one request at a time — except that behind a backlog the newest points go ahead
/// once per flush interval, so live data is not starved. Without a server the points stay spooled.
/// </summary>
public sealed class TelemetryPipeline : IAsyncDisposable
{
    private readonly TelemetryOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<TelemetryPoint> _queue;
    private readonly DiskSpool _spool;
    private readonly InfluxWriteClient? _client;
    private readonly BatchSender? _sender;
    private readonly WritePrecision _precision;
    private readonly ArrayBufferWriter<byte> _encoded = new(64 * 1024);
    private readonly SemaphoreSlim _spoolWriterGate = new(1, 1);
    private TaskCompletionSource _spooledSignal = NewSignal();
    private long _produced;
    private long _written;
    private long _dropped;
    private long _deadLettered;
    private long _invalidValues;
    private int _disposed;

    public TelemetryPipeline(TelemetryOptions options, TimeProvider? time = null, ILogger? logger = null, HttpMessageHandler? httpHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _precision = options.Influx?.Precision ?? WritePrecision.Milliseconds;
        _queue = Channel.CreateBounded<TelemetryPoint>(new BoundedChannelOptions(options.QueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _spool = DiskSpool.Open(options.Spool, _time, _logger);
        if (options.Influx is { } target)
        {
            _client = new InfluxWriteClient(target, options.Credentials, httpHandler, _time);
            _sender = new BatchSender(_client, new DeadLetterFile(options.EffectiveDeadLetterPath, _time), _time, _logger, options.Backoff);
        }
    }

    /// <summary>True when a server is configured; false = spool-only.</summary>
    public bool HasServer => _sender is not null;

    /// <summary>The last write failure (never contains secrets), null while writes succeed.</summary>
    public string? LastError => _sender?.LastError;

    public TelemetryCounters Counters => new(
        Produced: Interlocked.Read(ref _produced),
        Written: Interlocked.Read(ref _written),
        Spooled: _spool.Pending,
        Dropped: Interlocked.Read(ref _dropped) + _spool.Dropped,
        DeadLettered: Interlocked.Read(ref _deadLettered),
        InvalidValues: Interlocked.Read(ref _invalidValues),
        Recovered: _spool.Recovered,
        Refusals: _sender?.Refusals ?? 0,
        Retries: _sender?.Retries ?? 0);

    /// <summary>Queues one point; false (and counted as dropped) when the queue is full or the pipeline is disposed.</summary>
    public bool Record(TelemetryPoint point)
    {
        ArgumentNullException.ThrowIfNull(point);
        Interlocked.Increment(ref _produced);
        if (_queue.Writer.TryWrite(point))
        {
            return true;
        }

        var dropped = Interlocked.Increment(ref _dropped);
        if ((dropped & (dropped - 1)) == 0)
        {
            // Logged at 1, 2, 4, 8… drops so that a full queue cannot flood the log.
            Log.QueueFull(_logger, dropped);
        }

        return false;
    }

    public void Record(IEnumerable<TelemetryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        foreach (var point in points)
        {
            Record(point);
        }
    }

    /// <summary>Records one control cycle through <paramref name="schema"/>.</summary>
    public void RecordCycle(TelemetrySchema schema, SiteSnapshot snapshot, ControlDecision decision)
    {
        ArgumentNullException.ThrowIfNull(schema);
        Record(schema.Cycle(snapshot, decision));
    }

    /// <summary>
    /// Moves queued points to the spool and spooled points to the server until cancelled. On
    /// cancellation the queue is written to the spool before this returns; what the server has not
    /// acknowledged stays spooled for the next start.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var spooling = SpoolLoopAsync(cancellationToken);
        var sending = _sender is null ? Task.CompletedTask : SendLoopAsync(_sender, cancellationToken);
        try
        {
            await Task.WhenAll(spooling, sending).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await DrainQueueAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Writes whatever is queued to the spool now (also done by RunAsync and DisposeAsync).</summary>
    public async Task DrainQueueAsync()
    {
        await _spoolWriterGate.WaitAsync(CancellationToken.None).ConfigureAwait(false);
        try
        {
            while (SpoolQueued())
            {
            }
        }
        finally
        {
            _spoolWriterGate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _queue.Writer.TryComplete();
        await DrainQueueAsync().ConfigureAwait(false);
        _spool.Dispose();
        _client?.Dispose();
        _spoolWriterGate.Dispose();
    }

    private async Task SpoolLoopAsync(CancellationToken cancellationToken)
    {
        while (await _queue.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await _spoolWriterGate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                SpoolQueued();
            }
            finally
            {
                _spoolWriterGate.Release();
            }
        }
    }

    // Encodes up to one batch of queued points and appends them to the spool with one flush to disk.
    private bool SpoolQueued()
    {
        _encoded.ResetWrittenCount();
        var taken = 0;
        var encoded = 0;
        while (taken < _options.BatchSize && _queue.Reader.TryRead(out var point))
        {
            taken++;
            if (LineProtocolEncoder.TryWrite(point, _precision, _encoded, out var rejected))
            {
                encoded++;
            }
            else
            {
                Interlocked.Increment(ref _dropped);
            }

            if (rejected > 0)
            {
                Interlocked.Add(ref _invalidValues, rejected);
            }
        }

        if (encoded > 0)
        {
            try
            {
                _spool.Append(_encoded.WrittenSpan);
            }
            catch (IOException e)
            {
                Interlocked.Add(ref _dropped, encoded);
                Log.SpoolWriteFailed(_logger, e);
            }
            catch (UnauthorizedAccessException e)
            {
                Interlocked.Add(ref _dropped, encoded);
                Log.SpoolWriteFailed(_logger, e);
            }

            Interlocked.Exchange(ref _spooledSignal, NewSignal()).TrySetResult();
        }

        return taken > 0;
    }

    private async Task SendLoopAsync(BatchSender sender, CancellationToken cancellationToken)
    {
        _spool.Rewind();
        var lastSend = _time.GetUtcNow();
        var lastLive = lastSend;
        while (!cancellationToken.IsCancellationRequested)
        {
            var signal = Volatile.Read(ref _spooledSignal);
            var pending = _spool.Pending;
            var due = lastSend + _options.FlushInterval - _time.GetUtcNow();
            if (pending == 0 || (pending < _options.BatchSize && due > TimeSpan.Zero))
            {
                await WaitForDataAsync(signal.Task, pending == 0 ? Timeout.InfiniteTimeSpan : due, cancellationToken).ConfigureAwait(false);
                continue;
            }

            lastSend = _time.GetUtcNow();
            try
            {
                // Behind a backlog, the newest points go ahead once per flush interval; the rest of
                // the time the backlog is sent oldest first.
                var live = lastSend - lastLive >= _options.FlushInterval ? _spool.ReadNewest(_options.BatchSize, _options.MaxBatchBytes) : null;
                if (live is not null)
                {
                    lastLive = lastSend;
                }

                using var batch = live ?? _spool.Read(_options.BatchSize, _options.MaxBatchBytes);
                if (batch is null)
                {
                    continue;
                }

                var deadLettered = await sender.SendAsync(batch, cancellationToken).ConfigureAwait(false);
                var (written, dead) = _spool.Complete(batch, deadLettered);
                Interlocked.Add(ref _written, written);
                Interlocked.Add(ref _deadLettered, dead);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException)
            {
                // A spool read went wrong (disk trouble): start over from the acknowledged position after a pause.
                Log.SenderFailed(_logger, e);
                _spool.Rewind();
                await Task.Delay(TimeSpan.FromSeconds(5), _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task WaitForDataAsync(Task signal, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var stopDelay = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, _time, stopDelay.Token);
        await Task.WhenAny(signal, delay).ConfigureAwait(false);
        await stopDelay.CancelAsync().ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
