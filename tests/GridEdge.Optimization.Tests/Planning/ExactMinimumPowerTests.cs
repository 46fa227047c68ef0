using GridEdge.Optimization.Planning;
using Xunit;
using static GridEdge.Optimization.Tests.Planning.Requests;

namespace GridEdge.Optimization.Tests.Planning;

/// <summary>
/// Small requests are solved as a MIP with a binary per minimum power. The case: a house at 2 kW under
/// a 3 kW billed peak (1000 per kW above it) and a car that needs 2.5 kWh in six half hours (10, 10.5 …
/// 12.5 per kWh) at 1.4–5 kW. The LP fills every half hour to the peak, under the minimum. The optimum
/// runs the four cheapest at the 1.4 kW minimum (2.8 kWh, more than needed) for a 0.4 kW excess; LP +
/// repair (measured 2026-11-24) paid 506.00 against the optimum's 497.60.
/// </summary>
public sealed class ExactMinimumPowerTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    private static PlanningRequest PeakCase() =>
        Of(HalfHour, [.. Enumerable.Range(0, 6).Select(t => Price(10 + (0.5 * t), loadKw: 2))], Car(departure: 6, energy: 0, target: 2.5, maxKw: 5, minKw: 1.4)) with
        {
            Grid = new GridTerms(100, 0, DemandChargePerKw: 1000, ExistingPeakKw: 3),
        };

    [Fact]
    public void The_exact_plan_runs_the_cheapest_half_hours_at_the_minimum()
    {
        var plan = new LpPlanner().CreatePlan(PeakCase(), TestContext.Current.CancellationToken);

        Assert.Equal("HIGHS-MIP", plan.Statistics.Solver);
        Assert.Equal(PlanOutcome.Optimal, plan.Statistics.Outcome);
        Assert.All(Enumerable.Range(0, 4), t => Assert.Equal(1.4, Power(plan, t), 6));
        Assert.Equal(0, Power(plan, 4), 6);
        Assert.Equal(0, Power(plan, 5), 6);
        // 3.4 kW × 0.5 h at 10, 10.5, 11 and 11.5, the house's 2 kW × 0.5 h at 12 and 12.5, 0.4 kW × 1000.
        Assert.Equal((3.4 * 0.5 * (10 + 10.5 + 11 + 11.5)) + (2 * 0.5 * (12 + 12.5)) + 400, plan.Objective, 2);
    }

    [Fact]
    public void Lp_and_repair_never_beat_the_exact_plan()
    {
        var exact = new LpPlanner().CreatePlan(PeakCase(), TestContext.Current.CancellationToken);
        var repaired = new LpPlanner(new PlannerOptions { ExactUpTo = -1 }).CreatePlan(PeakCase(), TestContext.Current.CancellationToken);

        Assert.Equal("HIGHS", repaired.Statistics.Solver);
        Assert.True(repaired.Objective >= exact.Objective - 1e-6, $"repaired {repaired.Objective}, exact {exact.Objective}");
    }

    [Fact]
    public void Large_requests_and_lp_only_solvers_keep_lp_and_repair()
    {
        var glop = new LpPlanner(new PlannerOptions { Solver = SolverKind.Glop }).CreatePlan(PeakCase(), TestContext.Current.CancellationToken);
        var bounded = new LpPlanner(new PlannerOptions { ExactUpTo = 1 }).CreatePlan(PeakCase(), TestContext.Current.CancellationToken);

        Assert.Equal("GLOP", glop.Statistics.Solver);
        Assert.Equal("HIGHS", bounded.Statistics.Solver);
    }
}
