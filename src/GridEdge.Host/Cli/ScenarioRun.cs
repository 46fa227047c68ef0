using System.Globalization;
using System.Text.Json;
using GridEdge.Host.Status;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;

namespace GridEdge.Host.Cli;

/// <summary>Runs `gridedge scenario run`: load (exit 2 on a bad scenario), run, write the CSV, print the summary.</summary>
internal static class ScenarioRun
{
    public static async Task<int> RunAsync(ScenarioRunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        Scenario scenario;
        try
        {
            scenario = ScenarioLoader.Load(request.Directory);
        }
        catch (ScenarioFormatException ex)
        {
            await stderr.WriteLineAsync($"gridedge scenario run: {ex.Message}");
            return ExitCodes.UsageError;
        }

        var defaults = new ScenarioRunOptions();
        var options = defaults with
        {
            Forecast = request.Forecast,
            Horizon = request.Horizon ?? defaults.Horizon,
            Planner = defaults.Planner with { Solver = request.Solver },
        };
        var runner = new ScenarioRunner(new LpPlanner(options.Planner), options);
        var result = await Task.Run(() => runner.Run(scenario, cancellationToken), cancellationToken);
        try
        {
            DispatchCsvWriter.Write(scenario, result.Dispatch, request.OutputPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            await stderr.WriteLineAsync($"gridedge scenario run: {request.OutputPath}: cannot write the dispatch ({ex.Message})");
            return ExitCodes.RuntimeFailure;
        }

        var summary = ScenarioRunSummary.From(scenario, request, result);
        if (request.Json)
        {
            await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOutput.Indented));
        }
        else
        {
            await stdout.WriteLineAsync(Describe(summary));
        }

        return ExitCodes.Success;
    }

    private static string Describe(ScenarioRunSummary s) => string.Create(
        CultureInfo.InvariantCulture,
        $"""
        scenario {s.Scenario} ({s.Forecast} forecast, {s.Solver}): total cost {s.Cost.Total:F2} {s.Currency}
          energy import {s.Cost.EnergyImport:F2}, export revenue {s.Cost.EnergyExportRevenue:F2}, demand charge {s.Cost.DemandCharge:F2}, battery cycle {s.Cost.BatteryCycle:F2}, unmet penalty {s.Cost.UnmetPenalty:F2}, CO2 {s.Cost.Co2:F2}
          unmet {s.UnmetKwh:F3} kWh, peak 30-min import {s.Peak30MinImportKw:F3} kW, CO2 {s.Co2Kg:F3} kg
          {s.SolveMs.Count} re-plans: p50 {s.SolveMs.P50:F1} ms, p95 {s.SolveMs.P95:F1} ms, max {s.SolveMs.Max:F1} ms; failed {s.FailedPlans}
        """);
}
