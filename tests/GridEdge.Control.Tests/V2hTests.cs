using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>Vehicle-to-home on a Japanese 200 V single-phase home: cover the house from the car, never feed the grid from it.</summary>
public sealed class V2hTests
{
    private static readonly DateTimeOffset Evening = new(2026, 6, 1, 18, 0, 0, TimeSpan.Zero);

    private static ChargePointDefinition V2hCharger(double minSoc = 0.3) =>
        TestSites.ChargePoint("v2h", ChargeMode.V2h, phases: 1, minAmperes: 6, maxAmperes: 30, volts: 200) with
        {
            Bidirectional = true,
            MaxDischarge = new Power(6000),
            V2hMinStateOfCharge = minSoc,
        };

    private static SiteDefinition JapaneseHome(ChargePointDefinition charger) =>
        TestSites.Site([charger], fuseAmperes: 60, phases: 1, volts: 200, control: new ControlSettings { Reserve = new(50) });

    private static SiteSnapshot Snapshot(DateTimeOffset time, double gridWatts, double carWatts, double soc) =>
        new(
            time,
            new Dictionary<string, Reading<MeterSample>>
            {
                ["grid"] = new(new MeterSample { Power = new(gridWatts), PhaseCurrents = [new Current(gridWatts / 200)] }, time, ReadingQuality.Good, "grid"),
            },
            new Dictionary<string, Reading<ChargePointSample>>
            {
                ["v2h"] = new(new ChargePointSample
                {
                    Status = carWatts == 0 ? ChargePointStatus.Connected : ChargePointStatus.Charging,
                    ActivePhases = 1,
                    ChargeCurrent = new Current(Math.Abs(carWatts) / 200),
                    Power = new Power(carWatts),
                    Vehicle = new VehicleSession { StateOfCharge = soc },
                }, time, ReadingQuality.Good, "v2h"),
            });

    [Fact]
    public void House_import_is_covered_by_discharging_the_car()
    {
        var controller = new SiteController(JapaneseHome(V2hCharger()));
        var decision = controller.Decide(Snapshot(Evening, gridWatts: 800, carWatts: 0, soc: 0.6)).ChargePoints.Single();

        Assert.Equal(DecisionReason.V2hDischarge, decision.Reason);
        Assert.True(decision.Setpoint.IsDischarge);
        Assert.Equal(-800, decision.Setpoint.Power.Watts, 6);
        Assert.Equal(SetpointKind.Power, decision.Setpoint.Kind);
    }

    [Fact]
    public void Discharge_follows_the_house_not_the_grid_meter_alone()
    {
        var controller = new SiteController(JapaneseHome(V2hCharger()));
        controller.Decide(Snapshot(Evening, 800, 0, 0.6));
        // The car already gives 800 W; the house now draws 1200 W, so the grid shows 400 W.
        var decision = controller.Decide(Snapshot(Evening.AddSeconds(1), gridWatts: 400, carWatts: -800, soc: 0.6)).ChargePoints.Single();

        Assert.Equal(-1200, decision.Setpoint.Power.Watts, 6);
    }

    [Fact]
    public void Discharge_is_capped_by_the_charger_and_never_exports()
    {
        var controller = new SiteController(JapaneseHome(V2hCharger()));
        var big = controller.Decide(Snapshot(Evening, 9000, 0, 0.6)).ChargePoints.Single();
        Assert.Equal(-6000, big.Setpoint.Power.Watts, 6);

        // The house drops to 300 W while the car gives 6 kW: at once down to 300 W, no export held.
        var small = controller.Decide(Snapshot(Evening.AddSeconds(1), -5700, -6000, 0.6)).ChargePoints.Single();
        Assert.Equal(-300, small.Setpoint.Power.Watts, 6);
    }

    [Fact]
    public void The_car_keeps_its_reserve()
    {
        var controller = new SiteController(JapaneseHome(V2hCharger(minSoc: 0.5)));
        var decision = controller.Decide(Snapshot(Evening, 800, 0, 0.5)).ChargePoints.Single();

        Assert.Equal(DecisionReason.V2hReserve, decision.Reason);
        Assert.True(decision.Setpoint.IsStop);
        Assert.Contains("reserve 50 %", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void With_surplus_a_v2h_charger_charges_from_pv_like_solar()
    {
        var controller = new SiteController(JapaneseHome(V2hCharger()) with { Control = TestSites.ImmediateControl });
        var decision = controller.Decide(Snapshot(Evening, gridWatts: -3000, carWatts: 0, soc: 0.6)).ChargePoints.Single();

        Assert.Equal(DecisionReason.Surplus, decision.Reason);
        Assert.Equal(15, decision.Setpoint.Current.Amperes, 6);
        Assert.False(decision.Setpoint.IsDischarge);
    }

    [Fact]
    public async Task An_evening_on_v2h_keeps_the_grid_near_zero_until_the_reserve_and_never_feeds_the_grid()
    {
        var charger = V2hCharger(minSoc: 0.3);
        var site = JapaneseHome(charger);
        var settings = new SimulationSettings
        {
            Seed = 5,
            Pv = new SimulatedPvSettings { Peak = new(5500), Sunrise = new(5, 0), Sunset = new(18, 0), Cloudiness = 0 },
            House = new SimulatedHouseSettings { BaseLoad = new(500), PeakLoad = new(1500), SpikeLoad = new(1200), SpikesPerHour = 2 },
            Vehicles =
            [
                new SimulatedVehicleSettings
                {
                    ChargePointId = "v2h", Arrive = new(17, 0), Depart = new(23, 59), Capacity = new(10_000), ArrivalStateOfCharge = 0.6,
                    Phases = 1, MaxCurrent = new(30),
                },
            ],
        };
        var loop = new ClosedLoop(site, settings, Evening);
        var exportRun = 0;
        var longestExport = 0;
        var gridWhileDischarging = new List<double>();
        var minSoc = 1.0;
        await loop.RunAsync(TimeSpan.FromHours(5), d =>
        {
            var grid = loop.Site.GridPower.Watts;
            exportRun = grid < -50 ? exportRun + 1 : 0;
            longestExport = Math.Max(longestExport, exportRun);
            if (d.ChargePoints[0].Reason == DecisionReason.V2hDischarge)
            {
                gridWhileDischarging.Add(grid);
            }

            minSoc = Math.Min(minSoc, loop.Site.ChargePoint("v2h").Sample.Vehicle?.StateOfCharge ?? 1);
        });

        Assert.True(gridWhileDischarging.Count > 3600, $"discharged in only {gridWhileDischarging.Count} cycles");
        Assert.InRange(gridWhileDischarging.Average(), -20, 120);
        // A falling house load shows as export for one cycle before the discharge follows.
        Assert.True(longestExport <= 1, $"fed the grid for {longestExport} consecutive cycles");
        Assert.InRange(minSoc, 0.29, 0.31);
        Assert.Equal(DecisionReason.V2hReserve, loop.LastDecision!.ChargePoints[0].Reason);
        Assert.True(loop.Site.Totals.Discharged["v2h"].KilowattHours is > 2.8 and < 3.1, $"gave {loop.Site.Totals.Discharged["v2h"]}");
    }

    private static SiteController Planned(double plannedWatts, bool mayExport = false)
    {
        var charger = V2hCharger() with { Mode = ChargeMode.Plan, V2hExport = mayExport };
        return new SiteController(JapaneseHome(charger))
        {
            Plan = new ChargingPlan(Evening, [new ChargingPlanSlot(Evening, Evening.AddMinutes(30), new Dictionary<string, Power> { ["v2h"] = new(plannedWatts) })]),
        };
    }

    [Fact]
    public void A_planned_discharge_covers_the_house_without_feeding_the_grid()
    {
        var decision = Planned(-3000).Decide(Snapshot(Evening, gridWatts: 800, carWatts: 0, soc: 0.6)).ChargePoints.Single();

        Assert.Equal(DecisionReason.V2hDischarge, decision.Reason);
        Assert.Equal(-800, decision.Setpoint.Power.Watts, 6);
        Assert.Contains("plan discharges 3000 W", decision.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_planned_discharge_exports_the_planned_power_where_the_charger_may()
    {
        var decision = Planned(-3000, mayExport: true).Decide(Snapshot(Evening, gridWatts: 800, carWatts: 0, soc: 0.6)).ChargePoints.Single();

        Assert.Equal(-3000, decision.Setpoint.Power.Watts, 6);
    }

    [Fact]
    public void In_a_planned_charging_slot_the_v2h_car_charges_instead()
    {
        var decision = Planned(2400).Decide(Snapshot(Evening, gridWatts: 800, carWatts: 0, soc: 0.6)).ChargePoints.Single();

        // Towards the planned 12 A (2400 W at 200 V), ramping up from the minimum.
        Assert.False(decision.Setpoint.IsDischarge);
        Assert.InRange(decision.Setpoint.Current.Amperes, 6, 12);
        Assert.Contains(nameof(DecisionReason.Planned), decision.Detail, StringComparison.Ordinal);
    }
}
