using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>Mode plan: the plan's power is a floor, surplus comes on top, limits first, minimum current without a plan.</summary>
public sealed class PlanModeTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 1, 10, 0, TimeSpan.Zero);

    private static SiteController Controller(double plannedWatts, double fuse = 25)
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("car", ChargeMode.Plan)], fuseAmperes: fuse, control: TestSites.ImmediateControl))
        {
            Plan = new ChargingPlan(T0, [new ChargingPlanSlot(T0.AddMinutes(-10), T0.AddMinutes(20), new Dictionary<string, Power> { ["car"] = new(plannedWatts) })]),
        };
        return controller;
    }

    private static ChargePointDecision Decide(SiteController controller, double gridAmperesPerPhase, DateTimeOffset? at = null) =>
        controller.Decide(new SnapshotBuilder(at ?? T0).Grid([gridAmperesPerPhase, gridAmperesPerPhase, gridAmperesPerPhase]).ChargePoint("car", ChargePointStatus.Connected).Build()).ChargePoints.Single();

    [Fact]
    public void Charges_at_the_planned_power()
    {
        var decision = Decide(Controller(plannedWatts: 6900), gridAmperesPerPhase: 2);

        Assert.Equal(DecisionReason.Planned, decision.Reason);
        Assert.Equal(10, decision.Setpoint.Current.Amperes, 6);
    }

    [Theory]
    [InlineData(0.1, 8.5)]
    [InlineData(1, 9)]
    public void A_charger_with_whole_ampere_steps_is_rounded_up_to_the_plan(double stepAmperes, double expectedAmperes)
    {
        // 5860 W on three phases is 8.49 A: a go-e (1 A steps) gets 9 A, not 8, or every slot falls short of the plan.
        var site = TestSites.Site([TestSites.ChargePoint("car", ChargeMode.Plan) with { CurrentStep = new(stepAmperes) }], control: TestSites.ImmediateControl);
        var controller = new SiteController(site)
        {
            Plan = new ChargingPlan(T0, [new ChargingPlanSlot(T0.AddMinutes(-10), T0.AddMinutes(20), new Dictionary<string, Power> { ["car"] = new(5860) })]),
        };

        var decision = Decide(controller, gridAmperesPerPhase: 2);

        Assert.Equal(expectedAmperes, decision.Setpoint.Current.Amperes, 6);
    }

    [Fact]
    public void Idles_when_the_plan_waits_for_a_cheaper_slot()
    {
        var decision = Decide(Controller(plannedWatts: 0), gridAmperesPerPhase: 2);

        Assert.Equal(DecisionReason.PlanIdle, decision.Reason);
        Assert.True(decision.Setpoint.IsStop);
    }

    [Fact]
    public void Surplus_comes_on_top_of_the_plan()
    {
        // Exporting 10 A per phase (6900 W) while the plan asks for 4140 W: the plan's power comes
        // out of the surplus first, the remaining 2760 W on top: 6900 W = 10 A.
        var decision = Decide(Controller(plannedWatts: 4140), gridAmperesPerPhase: -10);

        Assert.Equal(10, decision.Setpoint.Current.Amperes, 6);
    }

    [Fact]
    public void The_grid_limit_still_comes_first()
    {
        var decision = Decide(Controller(plannedWatts: 11040, fuse: 20), gridAmperesPerPhase: 12);

        Assert.Equal(DecisionReason.GridLimit, decision.Reason);
        Assert.Equal(8, decision.Setpoint.Current.Amperes, 6);
    }

    [Fact]
    public void Without_a_plan_covering_now_the_car_keeps_charging_at_minimum()
    {
        var decision = Decide(Controller(plannedWatts: 6900), gridAmperesPerPhase: 2, at: T0.AddHours(2));

        Assert.Equal(DecisionReason.MinimumCurrent, decision.Reason);
        Assert.Equal(6, decision.Setpoint.Current.Amperes, 6);
    }
}
