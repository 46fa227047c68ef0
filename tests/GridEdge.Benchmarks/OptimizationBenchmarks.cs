using System.Diagnostics;
using System.Globalization;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using GridEdge.Testing;

namespace GridEdge.Benchmarks;

/// <summary>
/// The planner on one core: the depot scenarios (96 × 15-min slots; 50 and 200 EVs) and the office
/// (48 × 30-min slots, 20 EVs): build + solve + extract of a full-horizon plan as a re-plan does it
/// (LP + minimum-power repair; the exact MIP only for ≤ 200 on/off decisions, i.e. homes), the LP
/// alone, the same LP exported as MPS and solved by Debian's cbc for a ratio, and a whole rolling run
/// (a re-plan every slot) scored against reference.json.
/// </summary>
internal static class OptimizationBenchmarks
{
    private static readonly string ScenarioRoot = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "scenarios"));

    public static Task RunAsync(TextWriter output)
    {
        if (OperatingSystem.IsLinux() || OperatingSystem.IsWindows())
        {
            // One core, as on the gateway where the others run the control loop and I/O.
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        foreach (var (name, iterations) in new[] { ("jp-office-curtailment", 10), ("depot-50", 40), ("depot-200", 10) })
        {
            var dir = Path.Combine(ScenarioRoot, name);
            if (!Directory.Exists(dir))
            {
                output.WriteLine($"optimization: {dir} missing, skipped");
                continue;
            }

            Run(name, dir, iterations, output);
        }

        return Task.CompletedTask;
    }

    private static void Run(string name, string dir, int iterations, TextWriter output)
    {
        var scenario = ScenarioLoader.Load(dir);
        var request = ScenarioRequests.WholeHorizon(scenario);
        var defaults = new ScenarioRunOptions().Planner;
        var planner = new LpPlanner(defaults);
        var lpOnly = new LpPlanner(defaults with { RepairPasses = 0, ExactUpTo = -1 });

        var plan = Time(planner, request, iterations, out var full);
        Time(lpOnly, request, iterations, out var lp);
        var cbc = TimeCbc(lpOnly.ExportModel(request, ModelFormat.Mps));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"optimization {name}: {plan.Statistics.Variables} variables, {plan.Statistics.Constraints} constraints, {plan.Statistics.Solves} solves, {plan.Statistics.Solver} {plan.Statistics.Outcome}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  build+solve+extract (as planned):  p50 {full.P50Ms:F1} ms, p95 {full.P95Ms:F1} ms, max {full.MaxMs:F1} ms over {full.Count}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  LP only (HiGHS via OR-Tools):      p50 {lp.P50Ms:F1} ms, p95 {lp.P95Ms:F1} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  cbc on the exported MPS:           {cbc:F1} ms wall (process, read + solve) → ratio cbc / ours-LP {cbc / lp.P50Ms:F1}×"));

        foreach (var forecast in new[] { ForecastMode.Perfect, ForecastMode.Scenario })
        {
            var options = new ScenarioRunOptions { Forecast = forecast };
            var result = new ScenarioRunner(new LpPlanner(options.Planner), options).Run(scenario, CancellationToken.None);
            var times = result.SolveSummary;
            var (optimum, saving, dumb) = Reference(dir);
            var cost = result.Score.Cost.Total;
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"  rolling run, {forecast} forecast: cost {cost:F2} (optimum {optimum:F2}, gap {(cost - optimum) / Math.Max(Math.Abs(optimum), saving):P2}, quality {(dumb - cost) / saving:P1}); re-plans p50 {times.P50Ms:F1} ms, p95 {times.P95Ms:F1} ms, max {times.MaxMs:F1} ms"));
        }
    }

    private static Plan Time(LpPlanner planner, PlanningRequest request, int iterations, out SolveTimeSummary summary)
    {
        var plan = planner.CreatePlan(request, CancellationToken.None);
        var times = new List<TimeSpan>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            plan = planner.CreatePlan(request, CancellationToken.None);
            times.Add(plan.Statistics.Total);
        }

        summary = SolveTimeSummary.Of(times);
        return plan;
    }

    /// <summary>Wall time of `cbc MODEL.mps solve quit` (the LP, Debian's coinor-cbc).</summary>
    private static double TimeCbc(string mps)
    {
        var path = Path.Combine(Path.GetTempPath(), $"gridedge-plan-{Guid.NewGuid():N}.mps");
        File.WriteAllText(path, mps);
        try
        {
            var start = new ProcessStartInfo("cbc") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var arg in new[] { path, "solve", "quit" })
            {
                start.ArgumentList.Add(arg);
            }

            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cbc did not start");
            var log = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            watch.Stop();
            if (!log.Contains("Optimal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException("cbc did not report an optimum: " + log[^Math.Min(400, log.Length)..]);
            }

            return watch.Elapsed.TotalMilliseconds;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static (double Optimum, double Saving, double Dumb) Reference(string dir)
    {
        using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "reference.json")));
        var summary = document.RootElement.GetProperty("summary");
        return (summary.GetProperty("perfect_foresight_cost").GetDouble(), summary.GetProperty("pf_saving_vs_dumb").GetDouble(), summary.GetProperty("dumb_cost").GetDouble());
    }
}
