using System.Diagnostics;
using System.Net;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Polling;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Modbus;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Benchmarks;

/// <summary>
/// modbus-throughput: sequential FC03 reads of 10 registers per second by our TCP client and by
/// mbpoll (libmodbus), against our server and against pymodbus. modbus-poll: 10 devices × 60
/// registers every second on one bus through the real driver and poller, checking the schedule.
/// </summary>
internal static class ModbusBenchmarks
{
    private static readonly TimeSpan Measure = TimeSpan.FromSeconds(3);

    public static async Task RunAsync(TextWriter output)
    {
        await ThroughputAsync(output);
        await PollScheduleAsync(output);
    }

    private static async Task ThroughputAsync(TextWriter output)
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [.. Enumerable.Range(0, 100).Select(i => (ushort)i)]);
        await using var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), data, TimeProvider.System, NullLogger.Instance);
        server.Start();
        output.WriteLine("modbus-throughput: FC03 × 10 registers, one request at a time, 127.0.0.1");
        await ReportAsync(output, "our client  → our server", await OurClientAsync(server.Port));
        output.WriteLine($"  mbpoll      → our server   {await MbpollAsync(server.Port)}");

        if (await PymodbusAsync() is { } pymodbus)
        {
            await using (pymodbus.Process)
            {
                await ReportAsync(output, "our client  → pymodbus  ", await OurClientAsync(pymodbus.Port));
                output.WriteLine($"  mbpoll      → pymodbus     {await MbpollAsync(pymodbus.Port)}");
            }
        }
        else
        {
            output.WriteLine("  pymodbus not available (/usr/bin/python3 with python3-pymodbus): skipped");
        }
    }

    private static async Task PollScheduleAsync(TextWriter output)
    {
        const int Devices = 10;
        var seconds = 20;
        var profile = SixtyRegisterProfile();
        var data = new ModbusDataMap();
        for (byte unit = 1; unit <= Devices; unit++)
        {
            RegisterImage.CreateFixed(data.Unit(unit), profile);
        }

        await using var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), data, TimeProvider.System, NullLogger.Instance);
        server.Start();
        using var buses = new ModbusBuses(new ModbusClientOptions(), TimeProvider.System, NullLoggerFactory.Instance);
        var bus = buses.Get($"tcp://127.0.0.1:{server.Port}");
        var meters = Enumerable.Range(1, Devices).Select(u => new ModbusMeter($"m{u}", (byte)u, profile, bus, TimeProvider.System, NullLogger.Instance)).ToList();
        var settings = new PollSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));
        var start = TimeProvider.System.GetUtcNow() + TimeSpan.FromMilliseconds(200);
        var devices = meters.Select(m => new PolledDevice(m, settings) { NextDue = start }).ToList();
        var readings = new List<(string Id, DateTimeOffset At)>();
        var poller = new BusPoller(devices, (id, r) => { lock (readings) { readings.Add((id, r.Timestamp)); } }, TimeProvider.System, NullLogger.Instance);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds) + TimeSpan.FromMilliseconds(100));
        try
        {
            await poller.RunAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // The measured period ended.
        }

        // Lateness of every reading against its slot (start + k s); slot 0 (connect, JIT) is reported apart.
        var slots = readings.GroupBy(r => r.Id).SelectMany(g => g.OrderBy(r => r.At).Select((r, k) => (Slot: k, Late: (r.At - (start + TimeSpan.FromSeconds(k))).TotalMilliseconds))).ToList();
        var late = slots.Where(s => s.Slot > 0).Select(s => s.Late).Order().ToArray();
        var cycleEnds = slots.Where(s => s.Slot > 0).GroupBy(s => s.Slot).Select(g => g.Max(s => s.Late)).ToArray();
        var first = slots.Where(s => s.Slot == 0).Max(s => s.Late);
        var errors = meters.Sum(m => m.Counters.Snapshot().Errors.Values.Sum());
        output.WriteLine($"modbus-poll: {Devices} devices × 60 registers every 1 s on one TCP bus, {seconds} s");
        output.WriteLine($"  readings {readings.Count} (expected {Devices * seconds}), errors {errors}, first cycle (connect + JIT) done after {first:0.0} ms");
        output.WriteLine($"  lateness of a reading vs its slot: p50 {late[late.Length / 2]:0.00} ms  p99 {late[(int)(late.Length * 0.99)]:0.00} ms  max {late[^1]:0.00} ms");
        output.WriteLine($"  all 10 devices read within {cycleEnds.Max():0.00} ms of each 1 s slot (worst slot); {cycleEnds.Count(c => c > 1000)} slots overran");
    }

    private static async Task<double[]> OurClientAsync(int port)
    {
        using var client = ModbusClient.Create(ModbusEndpoint.Parse($"tcp://127.0.0.1:{port}"), new ModbusClientOptions(), TimeProvider.System, NullLogger.Instance);
        for (var i = 0; i < 500; i++)
        {
            await client.ReadHoldingRegistersAsync(1, 0, 10, CancellationToken.None);
        }

        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Measure)
        {
            var t0 = Stopwatch.GetTimestamp();
            await client.ReadHoldingRegistersAsync(1, 0, 10, CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
        }

        return [.. latencies];
    }

    private static Task ReportAsync(TextWriter output, string label, double[] latencies)
    {
        Array.Sort(latencies);
        output.WriteLine($"  {label}   {latencies.Length / Measure.TotalSeconds,8:0} req/s   p50 {latencies[latencies.Length / 2]:0.000} ms   p99 {latencies[(int)(latencies.Length * 0.99)]:0.000} ms");
        return Task.CompletedTask;
    }

    /// <summary>
    /// mbpoll polls at most every 10 ms (-l 10, its minimum), so its rate is bounded by design;
    /// reported with the time of one whole `mbpoll -1` run (start, connect, request, exit).
    /// </summary>
    private static async Task<string> MbpollAsync(int port)
    {
        if (Peers.Find("mbpoll") is not { } mbpoll)
        {
            return "mbpoll not installed: skipped";
        }

        string[] common = ["-m", "tcp", "-a", "1", "-r", "1", "-c", "10", "-t", "4", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture)];
        await using (var polling = PeerProcess.Start(mbpoll, [.. common, "-l", "10", "127.0.0.1"]))
        {
            await Task.Delay(Measure);
            polling.Terminate();
            await polling.WaitForExitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            var polls = polling.Output.Split('\n').Count(l => l.StartsWith("-- Polling", StringComparison.Ordinal));
            var once = Stopwatch.StartNew();
            const int Runs = 20;
            for (var i = 0; i < Runs; i++)
            {
                await using var run = PeerProcess.Start(mbpoll, [.. common, "-1", "127.0.0.1"]);
                await run.WaitForExitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            }

            return $"{polls / Measure.TotalSeconds,8:0} req/s   (-l 10 is its fastest poll)   one `mbpoll -1` run {once.Elapsed.TotalMilliseconds / Runs:0.0} ms";
        }
    }

    private static async Task<(PeerProcess Process, int Port)?> PymodbusAsync()
    {
        var script = Path.Combine(RepoPaths.Root, "tests", "GridEdge.Interop.Tests", "Modbus", "pymodbus_peer.py");
        if (!File.Exists("/usr/bin/python3"))
        {
            return null;
        }

        var directory = Directory.CreateTempSubdirectory("gridedge-bench-").FullName;
        var json = Path.Combine(directory, "data.json");
        await File.WriteAllTextAsync(json, "{\"1\": {\"hr\": {" + string.Join(",", Enumerable.Range(0, 100).Select(i => $"\"{i}\": {i}")) + "}}}");
        var port = Peers.FreeTcpPort();
        var process = PeerProcess.Start("/usr/bin/python3", [script, "tcp", port.ToString(System.Globalization.CultureInfo.InvariantCulture), json, "120"], directory);
        try
        {
            await process.WaitForTcpAsync(port, TimeSpan.FromSeconds(15), CancellationToken.None);
            return (process, port);
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
        {
            await process.DisposeAsync();
            return null;
        }
    }

    /// <summary>15 float64 values back to back: 60 registers, read in one request.</summary>
    private static DeviceProfile SixtyRegisterProfile() => new()
    {
        Name = "bench-60",
        Manufacturer = "GridEdge",
        Model = "benchmark",
        Kind = DeviceKind.Meter,
        Points = [.. Quantities.All.Take(15).Select((q, i) => new ProfilePoint
        {
            Quantity = q,
            Register = (ushort)(i * 4),
            Type = RegisterType.Float64,
            Unit = Quantities.UnitsFor(q).First(),
        })],
    };
}
