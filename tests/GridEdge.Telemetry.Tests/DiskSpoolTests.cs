using System.Text;
using GridEdge.Telemetry.Spool;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class DiskSpoolTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _dir.Dispose();

    private DiskSpool Open(long maxBytes = 1024 * 1024, long? segmentBytes = 4096, TimeSpan? maxAge = null) =>
        DiskSpool.Open(new SpoolOptions { Directory = _dir.Path, MaxBytes = maxBytes, SegmentBytes = segmentBytes, MaxAge = maxAge ?? TimeSpan.FromDays(7) }, _time);

    private static byte[] Lines(int from, int count) =>
        Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(from, count).Select(i => $"m,t=x f={i}i {i}\n")));

    private static List<string> ReadAll(DiskSpool spool, int maxLines = 1000)
    {
        var lines = new List<string>();
        while (spool.Read(maxLines, 1 << 20) is { } batch)
        {
            using (batch)
            {
                lines.AddRange(Encoding.UTF8.GetString(batch.Lines.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return lines;
    }

    [Fact]
    public void Lines_come_back_in_order_and_leave_only_when_completed()
    {
        using var spool = Open();
        Assert.Equal(10, spool.Append(Lines(0, 10)));
        Assert.Equal(10, spool.Pending);
        using (var batch = spool.Read(4, 1 << 20)!)
        {
            Assert.Equal(4, batch.Count);
            Assert.Equal("m,t=x f=0i 0\nm,t=x f=1i 1\n", Encoding.UTF8.GetString(batch.Slice(0, 2).Span));
            Assert.Equal("m,t=x f=3i 3\n", Encoding.UTF8.GetString(batch.Line(3).Span));
            Assert.Equal(10, spool.Pending);
            Assert.Equal((4L, 0L), spool.Complete(batch));
        }

        Assert.Equal(6, spool.Pending);
        using (var batch = spool.Read(100, 1 << 20)!)
        {
            Assert.Equal(6, batch.Count);
            Assert.Equal((4L, 2L), spool.Complete(batch, deadLettered: 2));
        }

        Assert.Equal(0, spool.Pending);
        Assert.Null(spool.Read(100, 1 << 20));
    }

    [Fact]
    public void Reading_continues_where_it_stopped_when_more_is_appended_to_the_same_segment()
    {
        using var spool = Open(segmentBytes: 1 << 20);
        var all = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            spool.Append(Lines(i * 3, 3));
            all.AddRange(ReadAll(spool, maxLines: 2));
        }

        Assert.Equal(Enumerable.Range(0, 60).Select(i => $"m,t=x f={i}i {i}"), all);
    }

    [Fact]
    public void Batches_respect_the_byte_limit()
    {
        using var spool = Open();
        spool.Append(Lines(0, 100));
        using var batch = spool.Read(1000, 100)!;
        Assert.InRange(batch.Length, 1, 100);
        Assert.Equal(batch.Count, Encoding.UTF8.GetString(batch.Lines.Span).Count(c => c == '\n'));
    }

    [Fact]
    public void Segments_rotate_and_acknowledged_ones_are_deleted()
    {
        using var spool = Open(segmentBytes: 1024);
        for (var i = 0; i < 20; i++)
        {
            spool.Append(Lines(i * 10, 10));
        }

        Assert.True(spool.SegmentCount > 5, $"{spool.SegmentCount} segments");
        Assert.True(Directory.GetFiles(_dir.Path, "*.seg").Length == spool.SegmentCount);
        var all = ReadAll(spool, maxLines: 37);
        Assert.Equal(Enumerable.Range(0, 200).Select(i => $"m,t=x f={i}i {i}"), all);

        spool.Rewind();
        while (spool.Read(37, 1 << 20) is { } batch)
        {
            using (batch)
            {
                spool.Complete(batch);
            }
        }

        Assert.Equal(0, spool.Pending);
        Assert.Equal(1, spool.SegmentCount);
    }

    [Fact]
    public void A_restart_resumes_after_the_acknowledged_position()
    {
        using (var spool = Open(segmentBytes: 1024))
        {
            spool.Append(Lines(0, 50));
            using var batch = spool.Read(20, 1 << 20)!;
            spool.Complete(batch);
            using var unacknowledged = spool.Read(10, 1 << 20)!; // in flight when the process dies
        }

        using (var spool = Open(segmentBytes: 1024))
        {
            Assert.Equal(30, spool.Recovered);
            Assert.Equal(30, spool.Pending);
            spool.Append(Lines(50, 5));
            Assert.Equal(Enumerable.Range(20, 35).Select(i => $"m,t=x f={i}i {i}"), ReadAll(spool));
        }
    }

    [Fact]
    public void Rewind_hands_out_an_uncompleted_batch_again()
    {
        using var spool = Open();
        spool.Append(Lines(0, 5));
        using (spool.Read(3, 1 << 20))
        {
        }

        spool.Rewind();
        Assert.Equal(Enumerable.Range(0, 5).Select(i => $"m,t=x f={i}i {i}"), ReadAll(spool));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(24)]
    [InlineData(30)]
    public void A_torn_tail_is_cut_on_open(int bytesCut)
    {
        using (var spool = Open())
        {
            spool.Append(Lines(0, 10));
        }

        var file = Directory.GetFiles(_dir.Path, "*.seg").Single();
        using (var stream = new FileStream(file, FileMode.Open))
        {
            stream.SetLength(stream.Length - bytesCut);
        }

        using var reopened = Open();
        Assert.Equal(9, reopened.Pending);
        reopened.Append(Lines(100, 1));
        Assert.Equal([.. Enumerable.Range(0, 9).Select(i => $"m,t=x f={i}i {i}"), "m,t=x f=100i 100"], ReadAll(reopened));
    }

    [Fact]
    public void A_garbled_record_is_detected_by_its_crc_and_cut_with_everything_after_it()
    {
        using (var spool = Open())
        {
            spool.Append(Lines(0, 10));
        }

        var file = Directory.GetFiles(_dir.Path, "*.seg").Single();
        var bytes = File.ReadAllBytes(file);
        var recordLength = bytes.Length / 10;
        bytes[(recordLength * 6) + 30] ^= 0x20; // one bit in the payload of record 6
        File.WriteAllBytes(file, bytes);

        using var reopened = Open();
        Assert.Equal(6, reopened.Pending);
        Assert.Equal(recordLength * 6, new FileInfo(file).Length);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => $"m,t=x f={i}i {i}"), ReadAll(reopened));
    }

    [Fact]
    public void Garbage_appended_after_the_last_record_is_cut()
    {
        using (var spool = Open())
        {
            spool.Append(Lines(0, 3));
        }

        var file = Directory.GetFiles(_dir.Path, "*.seg").Single();
        using (var stream = new FileStream(file, FileMode.Append))
        {
            stream.Write([0xFF, 0xFF, 0xFF, 0x7F, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22]);
        }

        using var reopened = Open();
        Assert.Equal(3, reopened.Pending);
    }

    [Fact]
    public void The_size_bound_drops_the_oldest_segments_and_counts_them()
    {
        using var spool = Open(maxBytes: 8192, segmentBytes: 1024);
        var appended = 0;
        for (var i = 0; i < 100; i++)
        {
            appended += spool.Append(Lines(i * 10, 10));
            Assert.True(spool.TotalBytes <= 8192, $"{spool.TotalBytes} bytes on disk");
        }

        Assert.True(spool.Dropped > 0);
        Assert.Equal(appended, spool.Pending + spool.Dropped);
        var kept = ReadAll(spool);
        Assert.Equal(spool.Pending, kept.Count);
        Assert.Equal("m,t=x f=999i 999", kept[^1]);
        Assert.Equal($"m,t=x f={spool.Dropped}i {spool.Dropped}", kept[0]); // oldest first
    }

    [Fact]
    public void The_age_bound_drops_old_segments_and_counts_them()
    {
        using var spool = Open(segmentBytes: 512, maxAge: TimeSpan.FromHours(1));
        spool.Append(Lines(0, 10));
        spool.Append(Lines(10, 10));
        _time.Advance(TimeSpan.FromMinutes(90));
        spool.Append(Lines(20, 5));
        Assert.Equal(20, spool.Dropped);
        Assert.Equal(5, spool.Pending);
        Assert.Equal(Enumerable.Range(20, 5).Select(i => $"m,t=x f={i}i {i}"), ReadAll(spool));
    }

    [Fact]
    public void A_batch_in_flight_while_its_segment_is_dropped_is_not_counted_twice()
    {
        using var spool = Open(maxBytes: 4096, segmentBytes: 1024);
        spool.Append(Lines(0, 10));
        using var batch = spool.Read(10, 1 << 20)!;
        for (var i = 1; i < 20; i++)
        {
            spool.Append(Lines(i * 10, 10));
        }

        var (written, _) = spool.Complete(batch);
        Assert.Equal(200, written + spool.Dropped + spool.Pending);
    }

    [Fact]
    public void Sequence_numbers_continue_after_everything_was_acknowledged_and_deleted()
    {
        using (var spool = Open())
        {
            spool.Append(Lines(0, 5));
            using var batch = spool.Read(10, 1 << 20)!;
            spool.Complete(batch);
        }

        using (var spool = Open())
        {
            Assert.Equal(0, spool.Pending);
            spool.Append(Lines(5, 2));
        }

        using (var spool = Open())
        {
            Assert.Equal(2, spool.Pending);
            Assert.Equal(["m,t=x f=5i 5", "m,t=x f=6i 6"], ReadAll(spool));
        }
    }

    private static List<string> Text(SpoolBatch batch) =>
        [.. Encoding.UTF8.GetString(batch.Lines.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static IEnumerable<string> Expected(int from, int count) => Enumerable.Range(from, count).Select(i => $"m,t=x f={i}i {i}");

    [Fact]
    public void The_newest_lines_can_go_ahead_of_a_backlog_and_are_not_sent_again()
    {
        using var spool = Open(segmentBytes: 1024);
        spool.Append(Lines(0, 100));
        using (var newest = spool.ReadNewest(10, 1 << 20)!)
        {
            Assert.Equal(Expected(90, 10), Text(newest));
            Assert.Equal((10L, 0L), spool.Complete(newest));
        }

        Assert.Equal(90, spool.Pending);
        Assert.Null(spool.ReadNewest(10, 1 << 20)); // nothing new
        spool.Append(Lines(100, 25));
        using (var newest = spool.ReadNewest(10, 1 << 20)!)
        {
            // 100–114 were jumped over: they stay for the oldest-first reads.
            Assert.Equal(Expected(115, 10), Text(newest));
            Assert.Equal((10L, 0L), spool.Complete(newest));
        }

        var rest = new List<string>();
        while (spool.Read(30, 1 << 20) is { } batch)
        {
            using (batch)
            {
                rest.AddRange(Text(batch));
                spool.Complete(batch);
            }
        }

        Assert.Equal(Expected(0, 90).Concat(Expected(100, 15)), rest);
        Assert.Equal(0, spool.Pending);
        Assert.Equal(1, spool.SegmentCount); // everything acknowledged: only the active segment is left
    }

    [Fact]
    public void Without_a_backlog_reading_newest_first_leaves_it_to_the_oldest_first_read()
    {
        using var spool = Open();
        spool.Append(Lines(0, 8));
        Assert.Null(spool.ReadNewest(10, 1 << 20));
        using var batch = spool.Read(10, 1 << 20)!;
        Assert.Equal(Expected(0, 8), Text(batch));
    }

    [Fact]
    public void A_crash_after_newest_lines_were_sent_sends_them_again_and_loses_nothing()
    {
        using (var spool = Open(segmentBytes: 1024))
        {
            spool.Append(Lines(0, 50));
            using (var newest = spool.ReadNewest(5, 1 << 20)!)
            {
                spool.Complete(newest);
            }

            using (var oldest = spool.Read(20, 1 << 20)!)
            {
                spool.Complete(oldest);
            }

            Assert.Equal(25, spool.Pending);
        }

        // Only the contiguous position is persisted: 20–49 come back, 45–49 a second time (same
        // series and timestamps, so the server overwrites them).
        using (var spool = Open(segmentBytes: 1024))
        {
            Assert.Equal(30, spool.Recovered);
            Assert.Equal(Expected(20, 30), ReadAll(spool));
        }
    }

    [Fact]
    public void An_uncompleted_newest_batch_is_not_lost_after_a_rewind()
    {
        using var spool = Open(segmentBytes: 1024);
        spool.Append(Lines(0, 40));
        using (spool.ReadNewest(5, 1 << 20)!)
        {
            // The request failed: no Complete.
        }

        spool.Rewind();
        Assert.Equal(Expected(0, 40), ReadAll(spool));
    }

    [Fact]
    public void Dropping_a_segment_does_not_count_lines_sent_ahead_as_dropped()
    {
        using var spool = Open(maxBytes: 4096, segmentBytes: 1024);
        spool.Append(Lines(0, 20));
        spool.Append(Lines(20, 10));
        using (var newest = spool.ReadNewest(10, 1 << 20)!)
        {
            Assert.Equal((10L, 0L), spool.Complete(newest));
        }

        var appended = 30;
        for (var i = 3; i < 20; i++)
        {
            appended += spool.Append(Lines(i * 10, 10));
        }

        Assert.True(spool.Dropped > 0);
        var rest = ReadAll(spool);
        Assert.Equal(spool.Pending, rest.Count);
        Assert.Equal(appended, 10 + spool.Dropped + spool.Pending);
        Assert.DoesNotContain(rest, l => Expected(20, 10).Contains(l));
    }
}
