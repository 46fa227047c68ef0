using System.Text.Json.Serialization;
using GridEdge.Optimization.Scenarios;

namespace GridEdge.Host.Cli;

/// <summary>The JSON summary of `gridedge scenario run` (CLI.md): cost by part as score.py, unmet energy, peak, CO2, re-plan times.</summary>
internal sealed record ScenarioRunSummary(
    string Scenario,
    string Forecast,
    string Solver,
    string Currency,
    ScenarioCostSummary Cost,
    double UnmetKwh,
    [property: JsonPropertyName("peak_30min_import_kw")] double Peak30MinImportKw,
    double Co2Kg,
    ScenarioSolveTimes SolveMs,
    int FailedPlans,
    int IncompleteRepairs,
    int MinPowerRoundings)
{
    public static ScenarioRunSummary From(Scenario scenario, ScenarioRunRequest request, ScenarioRunResult result)
    {
        var score = result.Score;
        var c = score.Cost;
        var times = result.SolveSummary;
        return new ScenarioRunSummary(
            scenario.Name,
            request.Forecast == ForecastMode.Perfect ? "perfect" : "scenario",
            request.Solver.ToString().ToLowerInvariant(),
            scenario.Currency,
            new ScenarioCostSummary(R(c.Total), R(c.EnergyImport), R(c.EnergyExportRevenue), R(c.DemandCharge), R(c.BatteryCycle), R(c.UnmetPenalty), R(c.Co2)),
            R(score.UnmetKwh),
            R(score.Peak30MinImportKw),
            R(score.Co2Kg),
            new ScenarioSolveTimes(times.Count, R(times.P50Ms), R(times.P95Ms), R(times.MaxMs)),
            result.FailedPlans,
            result.IncompleteRepairs,
            result.MinPowerRoundings);
    }

    private static double R(double value) => Math.Round(value, 6);
}

/// <summary>Cost parts, named as score.py names them.</summary>
internal sealed record ScenarioCostSummary(double Total, double EnergyImport, double EnergyExportRevenue, double DemandCharge, double BatteryCycle, double UnmetPenalty, double Co2);

/// <summary>Build + solve + extract time of the re-plans, milliseconds.</summary>
internal sealed record ScenarioSolveTimes(int Count, double P50, double P95, double Max);
