using System.Diagnostics;
using GridEdge.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;

namespace GridEdge.Benchmarks;

/// <summary>
/// One control cycle (snapshot → decisions for every chargepoint) with 50 chargepoints in mixed
/// modes under a binding grid limit and a moving PV surplus. Reports p50/p99/max of the cycle
/// time and, as a ratio, the share of the 1 s control period it uses.
/// </summary>
internal static class ControlCycleBenchmark
{
    private const int ChargePoints = 50;
    private const int Warmup = 2_000;
    private const int Measured = 20_000;

    public static void Run(TextWriter output)
    {
        var modes = new[] { ChargeMode.Now, ChargeMode.Solar, ChargeMode.MinSolar };
        var points = Enumerable.Range(0, ChargePoints)
            .Select(i => TestSites.ChargePoint($"cp{i:00}", modes[i % 3], phases: i % 4 == 0 ? 1 : 3, priority: i % 5, phaseSwitching: i % 7 == 0, gridPhase: 1 + (i % 3)))
            .ToArray();
        var site = TestSites.Site(points, fuseAmperes: 250, importLimitWatts: 150_000);
        var controller = new SiteController(site);
        var start = new DateTimeOffset(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

        // Pre-build snapshots so the figure is the controller alone.
        var snapshots = Enumerable.Range(0, 1_000).Select(s =>
        {
            var surplus = 120 * Math.Sin(s / 40.0);
            var builder = new SnapshotBuilder(start.AddSeconds(s)).Grid([80 - surplus, 60 - surplus, 70 - surplus]);
            foreach (var (p, i) in points.Select((p, i) => (p, i)))
            {
                builder.ChargePoint(p.Id, i % 11 == 0 ? ChargePointStatus.Disconnected : ChargePointStatus.Charging, 6 + (i % 10), p.Phases);
            }

            return builder.Build();
        }).ToArray();

        var times = new double[Measured];
        var cycle = 0;
        for (var i = 0; i < Warmup; i++)
        {
            controller.Decide(Shift(snapshots[i % snapshots.Length], cycle++, start));
        }

        var gcBefore = GC.CollectionCount(0);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < Measured; i++)
        {
            var snapshot = Shift(snapshots[i % snapshots.Length], cycle++, start);
            var t0 = Stopwatch.GetTimestamp();
            controller.Decide(snapshot);
            times[i] = Stopwatch.GetElapsedTime(t0).TotalMilliseconds;
        }

        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)Measured;
        Array.Sort(times);
        var p50 = times[Measured / 2];
        var p99 = times[(int)(Measured * 0.99)];
        output.WriteLine($"control-cycle: {ChargePoints} chargepoints, {Measured} cycles");
        output.WriteLine($"  p50 {p50:0.000} ms   p99 {p99:0.000} ms   max {times[^1]:0.000} ms   (target p99 <= 5 ms)");
        output.WriteLine($"  p99 / 1 s control period = {p99 / 1000:P3}");
        output.WriteLine($"  allocated {allocated / 1024:0.0} KiB per cycle, gen0 collections {GC.CollectionCount(0) - gcBefore}");
    }

    /// <summary>Re-times a pre-built snapshot so the controller sees time moving on by one second a cycle.</summary>
    private static SiteSnapshot Shift(SiteSnapshot snapshot, int cycle, DateTimeOffset start)
    {
        var offset = start.AddSeconds(cycle) - snapshot.Time;
        return new SiteSnapshot(
            snapshot.Time + offset,
            snapshot.Meters.ToDictionary(m => m.Key, m => m.Value with { Timestamp = m.Value.Timestamp + offset }),
            snapshot.ChargePoints.ToDictionary(c => c.Key, c => c.Value with { Timestamp = c.Value.Timestamp + offset }));
    }
}
