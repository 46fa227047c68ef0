using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>
/// Variants of the public scenarios (Variants/README.md) with their reference.py optimum: paid import
/// (negative import prices) and a V2H home under a demand charge. With perfect forecasts the rolling run
/// must be within 0.5 % of the MILP optimum and pass score.py.
/// </summary>
public sealed class VariantScenarioTests
{
    private static string Folder(string name) => Path.Combine(RepoPaths.Root, "tests", "GridEdge.Optimization.Tests", "Scenarios", "Variants", name);

    [Theory]
    [InlineData("negprice")]
    [InlineData("v2h-demand")]
    public void Perfect_forecast_reaches_the_milp_optimum(string name)
    {
        ScenarioFolders.Require("jp-home-v2h");
        var dir = Folder(name);
        var scenario = ScenarioLoader.Load(dir);
        var options = new ScenarioRunOptions { Forecast = ForecastMode.Perfect };
        var result = new ScenarioRunner(new LpPlanner(options.Planner), options).Run(scenario, TestContext.Current.CancellationToken);
        var csv = Path.Combine(Path.GetTempPath(), $"gridedge-{name}-{Guid.NewGuid():N}.csv");
        try
        {
            DispatchCsvWriter.Write(scenario, result.Dispatch, csv);
            var report = ScorerCheck.Score(dir, csv);

            Assert.Equal(0, report.GetProperty("violation_count").GetInt32());
            var cost = report.GetProperty("cost").GetProperty("total").GetDouble();
            var optimum = ScorerCheck.Reference(dir, "perfect_foresight_cost");
            var saving = ScorerCheck.Reference(dir, "pf_saving_vs_dumb");
            var gap = (cost - optimum) / Math.Max(Math.Abs(optimum), saving);
            Assert.True(gap <= 0.005, $"{name}: cost {cost}, optimum {optimum}, gap {gap:P2}");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
