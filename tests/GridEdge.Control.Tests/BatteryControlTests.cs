using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>
/// The site battery, decided after the chargepoints each cycle: self-consumption without a plan, the plan's
/// grid power with one, its state-of-charge window, and the import limit above everything.
/// </summary>
public sealed class BatteryControlTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    /// <summary>A 25 A three-phase site (17.25 kW) with a 10 kWh, 5 kW battery kept between 10 and 95 %.</summary>
    private static SiteController Controller(ChargeMode carMode = ChargeMode.Off, double fuseAmperes = 25) =>
        new(TestSites.Site([TestSites.ChargePoint("car", carMode, maxAmperes: 16)], fuseAmperes: fuseAmperes, control: TestSites.ImmediateControl) with
        {
            Battery = new BatteryDefinition
            {
                Capacity = new(10_000),
                MaxChargePower = new(5000),
                MaxDischargePower = new(5000),
                MinStateOfCharge = 0.1,
                MaxStateOfCharge = 0.95,
                Simulated = true,
            },
        });

    /// <summary>One cycle: the grid meter shows <paramref name="gridWatts"/> (balanced), the car and battery what they do now.</summary>
    private static ControlDecision Cycle(SiteController controller, double gridWatts, double batteryWatts, double soc, double carAmperes = 0, TimeSpan batteryAge = default)
    {
        var perPhase = gridWatts / (3 * 230);
        return controller.Decide(new SnapshotBuilder(Noon)
            .Grid([perPhase, perPhase, perPhase])
            .ChargePoint("car", carAmperes > 0 ? ChargePointStatus.Charging : ChargePointStatus.Connected, amperes: carAmperes)
            .Battery(batteryWatts, soc, batteryAge)
            .Build());
    }

    [Fact]
    public void Without_a_plan_it_stores_what_would_be_exported()
    {
        // Exporting 1 kW while the battery already takes 2 kW: it takes 3 kW.
        var decision = Cycle(Controller(), gridWatts: -1000, batteryWatts: 2000, soc: 0.5).Battery!;

        Assert.Equal(3000, decision.Setpoint.Watts, 6);
        Assert.Equal(DecisionReason.SelfConsumption, decision.Reason);
    }

    [Fact]
    public void Without_a_plan_it_covers_the_house_but_never_discharges_into_a_car()
    {
        // The car (mode now) draws 16 A on three phases = 11 kW; the house 1 kW more. The battery gives the
        // house's 1 kW, not the car's.
        var decision = Cycle(Controller(ChargeMode.Now), gridWatts: 1000 + (16 * 230 * 3), batteryWatts: 0, soc: 0.5, carAmperes: 16).Battery!;

        Assert.Equal(-1000, decision.Setpoint.Watts, 6);
    }

    [Theory]
    [InlineData(-3000, 0.95, DecisionReason.BatteryFull, 0)]
    [InlineData(2000, 0.1, DecisionReason.BatteryEmpty, 0)]
    [InlineData(-8000, 0.5, DecisionReason.SelfConsumption, 5000)]
    public void Its_state_of_charge_window_and_power_limit_bound_it(double gridWatts, double soc, DecisionReason reason, double expectedWatts)
    {
        var decision = Cycle(Controller(), gridWatts, batteryWatts: 0, soc).Battery!;

        Assert.Equal(expectedWatts, decision.Setpoint.Watts, 6);
        Assert.Equal(reason, decision.Reason);
    }

    [Theory]
    // Plan: battery −2 kW, grid +0.5 kW. The house (battery idle) draws:
    [InlineData(2500, -2000)] // as forecast: the plan as it is
    [InlineData(3500, -3000)] // 1 kW more: the battery gives it, the grid stays at the plan's 0.5 kW
    [InlineData(2200, -2000)] // 0.3 kW less: the grid imports less, the battery keeps its plan
    [InlineData(1500, -1500)] // 1 kW less: no export for it, the battery gives less
    public void With_a_plan_what_the_forecast_got_wrong_moves_the_grid_toward_zero_first(double houseWatts, double expectedWatts)
    {
        var controller = Controller();
        controller.Plan = new ChargingPlan(Noon, [new ChargingPlanSlot(Noon, Noon.AddMinutes(30), new Dictionary<string, Power>())
        {
            Battery = new(-2000),
            Grid = new(500),
        }]);

        // The battery is at its planned −2 kW now, so the meter shows the house less 2 kW.
        var decision = Cycle(controller, gridWatts: houseWatts - 2000, batteryWatts: -2000, soc: 0.5).Battery!;

        Assert.Equal(expectedWatts, decision.Setpoint.Watts, 6);
        Assert.Equal(DecisionReason.Planned, decision.Reason);
    }

    [Fact]
    public void With_a_plan_a_car_charging_outside_it_is_not_drained_from_the_battery()
    {
        // Plan: battery idle, grid +1 kW for the house. A car in mode now draws 11 kW the plan knows nothing
        // of: the grid takes it, the battery stays idle.
        var controller = Controller(ChargeMode.Now);
        controller.Plan = new ChargingPlan(Noon, [new ChargingPlanSlot(Noon, Noon.AddMinutes(30), new Dictionary<string, Power>())
        {
            Battery = Power.Zero,
            Grid = new(1000),
        }]);

        var decision = Cycle(controller, gridWatts: 1000 + (16 * 230 * 3), batteryWatts: 0, soc: 0.5, carAmperes: 16).Battery!;

        Assert.Equal(0, decision.Setpoint.Watts, 6);
        Assert.Equal(DecisionReason.Planned, decision.Reason);
    }

    [Fact]
    public void The_import_limit_comes_before_a_planned_charge()
    {
        // A plan that asks more of the grid than the connection gives (say, made before the limit was
        // lowered): charge 3 kW, grid 20 kW. The house alone draws 18 kW on a 17.25 kW connection: the
        // battery discharges the 0.75 kW over it instead.
        var controller = Controller();
        controller.Plan = new ChargingPlan(Noon, [new ChargingPlanSlot(Noon, Noon.AddMinutes(30), new Dictionary<string, Power>())
        {
            Battery = new(3000),
            Grid = new(20_000),
        }]);

        var decision = Cycle(controller, gridWatts: 18_000, batteryWatts: 0, soc: 0.5).Battery!;

        Assert.Equal(-750, decision.Setpoint.Watts, 6);
        Assert.Equal(DecisionReason.GridLimit, decision.Reason);
    }

    [Fact]
    public void A_stale_battery_reading_holds_it()
    {
        var decision = Cycle(Controller(), gridWatts: -3000, batteryWatts: 1000, soc: 0.5, batteryAge: TimeSpan.FromMinutes(1)).Battery!;

        Assert.Equal(0, decision.Setpoint.Watts, 6);
        Assert.Equal(DecisionReason.FailSafe, decision.Reason);
    }

    [Fact]
    public void Cars_see_the_pv_surplus_the_battery_is_taking()
    {
        // The grid is at 0 because the battery takes the 3 kW of surplus: a car in mode solar still sees
        // 3 kW, so PV goes to the car first and the battery gets what is left.
        var decision = Cycle(Controller(ChargeMode.Solar), gridWatts: 0, batteryWatts: 3000, soc: 0.5);

        Assert.Equal(3000, decision.Surplus.Watts, 6);
        Assert.Equal(-3000, decision.BaseLoad.Watts, 6);
    }
}
