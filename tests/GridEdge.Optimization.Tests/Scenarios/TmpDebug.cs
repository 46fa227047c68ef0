using System.Globalization;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

public sealed class TmpDebug
{
    [Fact]
    public void Debug()
    {
        var scenario = ScenarioLoader.Load("/work/shared/scenarios/jp-home-v2h");
        var options = new ScenarioRunOptions { Forecast = ForecastMode.Scenario };
        var planner = new LpPlanner(options.Planner);
        var state = new SiteState(scenario);
        var controller = new SlotController(scenario);
        Plan? current = null;
        var o = TestContext.Current.TestOutputHelper!;
        for (var slot = 0; slot < 16; slot++)
        {
            var demand = ScenarioRequests.DemandAt(scenario, state, slot);
            var request = ScenarioRequests.At(scenario, slot, 72, options.Forecast, state.BatterySocKwh, state.VehicleEnergyKwh, demand, current);
            var plan = planner.CreatePlan(request, TestContext.Current.CancellationToken);
            if (slot is 10 or 11)
            {
                var lp = new LpPlanner(options.Planner with { ExactUpTo = -1 }).CreatePlan(request, TestContext.Current.CancellationToken);
                foreach (var (name, p) in new[] { ("mip", plan), ("lp", lp) })
                {
                    o.WriteLine($"slot {slot} {name} obj {p.Objective:F3} {p.Statistics.Solver} {p.Statistics.Outcome}");
                    o.WriteLine("  ev " + string.Join(" ", p.Slots.Select(x => x.Vehicles.Count > 0 ? x.Vehicles[0].PowerKw.ToString("F2", CultureInfo.InvariantCulture) : "-")));
                    o.WriteLine("  net " + string.Join(" ", p.Slots.Select(x => (x.GridImportKw - x.GridExportKw).ToString("F2", CultureInfo.InvariantCulture))));
                }
            }

            current = plan;
            controller.Apply(slot, current.SlotAt(scenario.Start + (scenario.SlotLength * slot)), state);
        }
    }
}
