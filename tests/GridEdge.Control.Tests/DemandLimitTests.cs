using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>With a demand charge the controller holds each half hour's average import at the billed peak, or at the plan's.</summary>
public sealed class DemandLimitTests
{
    private static readonly DateTimeOffset Ten = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    /// <summary>A 63 A three-phase site billed on a 20 kW half-hour peak, one 32 A car.</summary>
    private static SiteController Controller(ChargeMode mode, double demandChargePerKw = 1800) =>
        new(TestSites.Site([TestSites.ChargePoint("car", mode, maxAmperes: 32)], fuseAmperes: 63, control: TestSites.ImmediateControl) with
        {
            Tariff = new TariffDefinition
            {
                ImportPrice = new(30),
                ExportPrice = new(8),
                DemandChargePerKw = demandChargePerKw,
                BilledPeak = Power.FromKilowatts(20),
            },
        });

    /// <summary>The house draws <paramref name="houseAmperes"/> per phase and the car what it was last told.</summary>
    private static ChargePointDecision Step(SiteController controller, DateTimeOffset at, double houseAmperes, double carAmperes)
    {
        var grid = houseAmperes + carAmperes;
        var snapshot = new SnapshotBuilder(at)
            .Grid([grid, grid, grid])
            .ChargePoint("car", carAmperes > 0 ? ChargePointStatus.Charging : ChargePointStatus.Connected, amperes: carAmperes)
            .Build();
        return controller.Decide(snapshot).ChargePoints.Single();
    }

    [Fact]
    public void Charging_now_is_held_so_the_half_hour_stays_at_the_billed_peak()
    {
        var controller = Controller(ChargeMode.Now);
        // House 17.4 A per phase = 12 kW; 20 kW billed leaves 8 kW = 11.6 A per phase for the car.
        double car = 0;
        ChargePointDecision decision = null!;
        for (var s = 0; s < 600; s++)
        {
            decision = Step(controller, Ten.AddSeconds(s), 17.4, car);
            car = decision.Setpoint.Current.Amperes;
        }

        Assert.Equal(DecisionReason.DemandLimit, decision.Reason);
        Assert.InRange(car, 6, 11.6);
        Assert.InRange(controller.Demand!.OpenWindowImportKwh / (600 / 3600.0), 19, 20.01);
    }

    [Fact]
    public void Without_a_demand_charge_the_fuse_is_the_only_limit()
    {
        var controller = Controller(ChargeMode.Now, demandChargePerKw: 0);

        var decision = Step(controller, Ten, 17.4, 0);

        Assert.Null(controller.Demand);
        Assert.Equal(32, decision.Setpoint.Current.Amperes, 6);
    }

    [Fact]
    public void A_plan_that_accepts_a_higher_peak_lets_the_car_use_it()
    {
        var controller = Controller(ChargeMode.Plan);
        controller.Plan = new ChargingPlan(Ten, [new ChargingPlanSlot(Ten, Ten.AddMinutes(30), new Dictionary<string, Power> { ["car"] = new(22080) })
        {
            ImportCeiling = Power.FromKilowatts(35),
        }]);

        // House 12 kW, 35 kW accepted: room for the 22 kW = 32 A the plan asks.
        var decision = Step(controller, Ten, 17.4, 0);

        Assert.Equal(DecisionReason.Planned, decision.Reason);
        Assert.Equal(32, decision.Setpoint.Current.Amperes, 6);
    }
}
