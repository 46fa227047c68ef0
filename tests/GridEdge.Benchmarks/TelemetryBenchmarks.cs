using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using GridEdge.Telemetry;
using GridEdge.Telemetry.LineProtocol;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;
using GridEdge.Testing;

namespace GridEdge.Benchmarks;

/// <summary>
/// `telemetry` benchmark. Encode: line-protocol encoding on one thread (target ≥ 500k points/s).
/// influxd: live points end to end (queue → spool with fsync → gzip → influxd 1.6 on
/// loopback, target ≥ 50k points/s), then a 1M-point backlog drained from the spool while the
/// process's memory is sampled (it must stay flat: the backlog lives on disk).
/// </summary>
internal static class TelemetryBenchmarks
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow.AddHours(-2);

    public static async Task RunAsync(TextWriter output)
    {
        RunEncode(output);
        await RunInfluxdAsync(output);
    }

    public static void RunEncode(TextWriter output)
    {
        var points = Enumerable.Range(0, 10_000).Select(TypicalPoint).ToArray();
        var buffer = new ArrayBufferWriter<byte>(4 * 1024 * 1024);
        for (var i = 0; i < 200_000; i++)
        {
            Encode(points[i % points.Length], buffer);
        }

        const int measured = 3_000_000;
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        long bytes = 0;
        for (var i = 0; i < measured; i++)
        {
            bytes += Encode(points[i % points.Length], buffer);
        }

        watch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telemetry-encode: {measured / watch.Elapsed.TotalSeconds:N0} points/s on one thread, {bytes / (double)measured:0} bytes/line, {bytes / watch.Elapsed.TotalSeconds / 1e6:0.0} MB/s, {allocated / (double)measured:0.0} bytes allocated per point"));
    }

    public static async Task RunInfluxdAsync(TextWriter output)
    {
        if (Peers.Find("influxd") is not { } influxd)
        {
            output.WriteLine("telemetry-influxd: skipped (influxd not installed: apt-get install influxdb)");
            return;
        }

        var directory = Path.Combine(Path.GetTempPath(), "gridedge-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = Peers.FreeTcpPort();
        var config = Path.Combine(directory, "influxd.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{Peers.FreeTcpPort()}"
            [meta]
              dir = "{directory}/meta"
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              log-enabled = false
            [monitor]
              store-enabled = false
            """));
        try
        {
            await using var peer = PeerProcess.Start(influxd, ["-config", config], directory);
            await peer.WaitForTcpAsync(port, TimeSpan.FromSeconds(30), CancellationToken.None);
            using var http = new HttpClient();
            var url = new Uri($"http://127.0.0.1:{port}");
            for (var i = 0; i < 100; i++)
            {
                try
                {
                    using var created = await http.PostAsync(new Uri(url, "/query?q=CREATE%20DATABASE%20bench"), null);
                    if (created.IsSuccessStatusCode)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                }

                await Task.Delay(100);
            }

            var target = new InfluxTarget { Url = url, Database = "bench" };
            await LiveAsync(output, Path.Combine(directory, "spool-live"), target);
            await BacklogAsync(output, Path.Combine(directory, "spool-backlog"), target);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task LiveAsync(TextWriter output, string spool, InfluxTarget target)
    {
        const int count = 500_000;
        await using var pipeline = new TelemetryPipeline(Options(spool, target));
        using var stop = new CancellationTokenSource();
        var run = pipeline.RunAsync(stop.Token);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            // A producer faster than any server: keep the queue from overflowing so nothing is dropped.
            while (pipeline.Counters is var c && c.Produced - c.Written - c.Spooled > 40_000)
            {
                await Task.Delay(1);
            }

            pipeline.Record(TypicalPoint(i));
        }

        while (pipeline.Counters.Written < count)
        {
            await Task.Delay(5);
        }

        watch.Stop();
        await stop.CancelAsync();
        await run;
        var counters = pipeline.Counters;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telemetry-influxd live: {count / watch.Elapsed.TotalSeconds:N0} points/s end to end into influxd 1.6 on loopback ({count:N0} points, batch 5000, gzip, fsync per spool batch; written {counters.Written:N0}, dropped {counters.Dropped})"));
    }

    private static async Task BacklogAsync(TextWriter output, string spool, InfluxTarget target)
    {
        const int count = 1_000_000;
        var options = Options(spool, target);
        await using (var offline = new TelemetryPipeline(options with { Influx = null }))
        {
            for (var i = 0; i < count; i++)
            {
                offline.Record(TypicalPoint(count + i));
                if (i % 20_000 == 0)
                {
                    await offline.DrainQueueAsync();
                }
            }
        }

        GC.Collect();
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var baseline = process.WorkingSet64;
        long maxWorkingSet = baseline;
        long maxHeap = GC.GetTotalMemory(false);
        await using var pipeline = new TelemetryPipeline(options);
        var spoolBytes = new DirectoryInfo(spool).EnumerateFiles("*.seg").Sum(f => f.Length);
        using var stop = new CancellationTokenSource();
        var watch = Stopwatch.StartNew();
        var run = pipeline.RunAsync(stop.Token);
        while (pipeline.Counters.Written < count)
        {
            await Task.Delay(50);
            process.Refresh();
            maxWorkingSet = Math.Max(maxWorkingSet, process.WorkingSet64);
            maxHeap = Math.Max(maxHeap, GC.GetTotalMemory(false));
        }

        watch.Stop();
        await stop.CancelAsync();
        await run;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"telemetry-influxd backlog: {count:N0} spooled points ({spoolBytes / 1048576.0:0} MiB on disk) drained at {count / watch.Elapsed.TotalSeconds:N0} points/s; managed heap max {maxHeap / 1048576.0:0.0} MiB, working set {baseline / 1048576.0:0} → max {maxWorkingSet / 1048576.0:0} MiB"));
    }

    private static TelemetryOptions Options(string spool, InfluxTarget target) => new()
    {
        Spool = new SpoolOptions { Directory = spool, MaxBytes = 1024L * 1024 * 1024 },
        Influx = target,
        BatchSize = 5_000,
        FlushInterval = TimeSpan.FromMilliseconds(200),
    };

    // A chargepoint reading as the schema writes it: 3 tags, 7 fields of mixed types.
    private static TelemetryPoint TypicalPoint(int i) =>
        new TelemetryPoint("chargepoint", Start.AddMilliseconds(i))
            .Tag("site", "demo")
            .Tag("chargepoint", "cp" + (i % 50).ToString("00", CultureInfo.InvariantCulture))
            .Field("power_w", 7360.5 + (i % 97))
            .Field("current_a", 10.666666666666666)
            .Field("phases", 3L)
            .Field("status", "charging")
            .Field("plugged_in", true)
            .Field("session_energy_wh", 1234.5 + i)
            .Field("soc", 0.4567);

    private static int Encode(TelemetryPoint point, ArrayBufferWriter<byte> buffer)
    {
        if (buffer.FreeCapacity < 512)
        {
            buffer.ResetWrittenCount();
        }

        var before = buffer.WrittenCount;
        LineProtocolEncoder.TryWrite(point, WritePrecision.Milliseconds, buffer, out _);
        return buffer.WrittenCount - before;
    }
}
