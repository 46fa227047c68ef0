using System.Globalization;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>
/// Every shared scenario run through the rolling planner and the slot controller, then scored by
/// score.py: no violation, score.py's cost equals the run's own, and cheaper than the surplus-only
/// rule. The gap to the perfect-foresight optimum and the quality under forecast error are printed
/// (docs/optimizer.md records them; depot-200 runs in the benchmark, not here).
/// </summary>
public sealed class SharedScenarioTests
{
    public static TheoryData<string, ForecastMode> Runs() => new()
    {
        { "jp-home-v2h", ForecastMode.Perfect },
        { "jp-home-v2h", ForecastMode.Scenario },
        { "jp-office-curtailment", ForecastMode.Perfect },
        { "jp-office-curtailment", ForecastMode.Scenario },
        { "eu-home-dynamic", ForecastMode.Perfect },
        { "eu-home-dynamic", ForecastMode.Scenario },
        { "jp-home-3day", ForecastMode.Perfect },
        { "jp-home-3day", ForecastMode.Scenario },
        { "depot-50", ForecastMode.Scenario },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Dispatch_passes_the_scorer_and_beats_surplus_only(string name, ForecastMode forecast)
    {
        var dir = ScenarioFolders.Require(name);
        var scenario = ScenarioLoader.Load(dir);
        var options = new ScenarioRunOptions { Forecast = forecast };
        var result = new ScenarioRunner(new LpPlanner(options.Planner), options).Run(scenario, TestContext.Current.CancellationToken);
        var csv = Path.Combine(Path.GetTempPath(), $"gridedge-{name}-{forecast}-{Guid.NewGuid():N}.csv");
        try
        {
            DispatchCsvWriter.Write(scenario, result.Dispatch, csv);
            var report = ScorerCheck.Score(dir, csv);

            Assert.Equal(0, report.GetProperty("violation_count").GetInt32());
            var cost = report.GetProperty("cost").GetProperty("total").GetDouble();
            Assert.Equal(cost, result.Score.Cost.Total, 1e-4 * Math.Max(1, Math.Abs(cost)));
            Assert.Equal(0, result.FailedPlans);
            Assert.True(cost < ScorerCheck.Reference(dir, "surplus_only_cost"), $"{name}: {cost} not below surplus_only");

            var optimum = ScorerCheck.Reference(dir, "perfect_foresight_cost");
            var saving = ScorerCheck.Reference(dir, "pf_saving_vs_dumb");
            var dumb = ScorerCheck.Reference(dir, "dumb_cost");
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} {forecast}: cost {cost:F3}, gap {(cost - optimum) / Math.Max(Math.Abs(optimum), saving):P2}, quality {(dumb - cost) / saving:P1}"));
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
