using System.Globalization;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>
/// Every shared scenario run through the rolling planner and the slot controller, then scored by
/// score.py: no violation, score.py's cost equals the run's own, and cheaper than the surplus-only
/// rule; with perfect forecasts within 0.5 % of the perfect-foresight optimum, with the forecast
/// columns at least the 97 % of the perfect-foresight saving. depot-200 runs in the CLI, not here.
/// </summary>
public sealed class SharedScenarioTests
{
    private const double GapTarget = 0.005;

    /// <summary>Scenario, forecast, and the least quality a forecast-column run must keep.</summary>
    public static TheoryData<string, ForecastMode, double> Runs() => new()
    {
        { "jp-home-v2h", ForecastMode.Perfect, 1 },
        { "jp-home-v2h", ForecastMode.Scenario, 0.97 },
        { "jp-office-curtailment", ForecastMode.Perfect, 1 },
        { "jp-office-curtailment", ForecastMode.Scenario, 0.97 },
        { "eu-home-dynamic", ForecastMode.Perfect, 1 },
        { "eu-home-dynamic", ForecastMode.Scenario, 0.97 },
        { "jp-home-3day", ForecastMode.Perfect, 1 },
        { "jp-home-3day", ForecastMode.Scenario, 0.97 },
        { "depot-50", ForecastMode.Scenario, 0.97 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void Dispatch_passes_the_scorer_and_meets_its_cost_target(string name, ForecastMode forecast, double leastQuality)
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
            var gap = (cost - optimum) / Math.Max(Math.Abs(optimum), saving);
            var quality = (dumb - cost) / saving;
            TestContext.Current.TestOutputHelper?.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{name} {forecast}: cost {cost:F3}, gap {gap:P2}, quality {quality:P1}"));
            if (forecast == ForecastMode.Perfect)
            {
                Assert.True(gap <= GapTarget, $"{name}: gap {gap:P2} to the perfect-foresight optimum is over {GapTarget:P1}");
            }
            else
            {
                Assert.True(quality >= leastQuality, $"{name}: quality {quality:P1} is below {leastQuality:P0}");
            }
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
