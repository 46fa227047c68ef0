using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Runs a scenario slot by slot as the gateway would: at every slot boundary re-plan the rolling
/// horizon from the real state, then let the slot controller apply the plan's first slot to what
/// actually happens. A failed plan keeps the previous one (and the controller's fallback without one).
/// </summary>
public sealed class ScenarioRunner(IPlanner planner, ScenarioRunOptions options)
{
    public ScenarioRunResult Run(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var state = new SiteState(scenario);
        var controller = new SlotController(scenario);
        var horizon = Math.Max(1, (int)Math.Round(options.Horizon / scenario.SlotLength));
        var rows = new List<DispatchRow>(scenario.Slots);
        var times = new List<TimeSpan>(scenario.Slots);
        var failed = 0;
        var incomplete = 0;
        Plan? current = null;
        for (var slot = 0; slot < scenario.Slots; slot++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var request = ScenarioRequests.At(
                scenario, slot, horizon, options.Forecast, state.BatterySocKwh, state.VehicleEnergyKwh, ScenarioRequests.DemandAt(scenario, state, slot), current);
            var plan = planner.CreatePlan(request, cancellationToken);
            times.Add(plan.Statistics.Total);
            if (plan.Statistics.Outcome == PlanOutcome.Failed)
            {
                failed++;
            }
            else
            {
                incomplete += plan.Statistics.Outcome == PlanOutcome.Feasible ? 1 : 0;
                current = plan;
            }

            var time = scenario.Start + (scenario.SlotLength * slot);
            rows.Add(controller.Apply(slot, current?.SlotAt(time), state));
        }

        return new ScenarioRunResult(rows, DispatchScorer.Score(scenario, rows), times, failed, controller.MinPowerRoundings, incomplete);
    }
}
