using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>The controller against the simulated site over hours of fake time.</summary>
public sealed class ClosedLoopTests
{
    private static readonly DateTimeOffset Morning = new(2026, 6, 1, 8, 0, 0, TimeSpan.Zero);

    private static SimulationSettings Settings(double pvPeakWatts, double cloudiness, SimulatedHouseSettings? house = null, params SimulatedVehicleSettings[] vehicles) => new()
    {
        Seed = 11,
        Pv = new SimulatedPvSettings { Peak = new(pvPeakWatts), Sunrise = new(6, 0), Sunset = new(20, 0), Cloudiness = cloudiness },
        House = house ?? new SimulatedHouseSettings { BaseLoad = new(400), PeakLoad = Power.Zero, SpikeLoad = Power.Zero, SpikesPerHour = 0 },
        Vehicles = vehicles,
    };

    private static SimulatedVehicleSettings Car(string chargePoint, double capacityWh = 200_000, int phases = 3, double soc = 0.1) => new()
    {
        ChargePointId = chargePoint,
        Arrive = new(0, 0),
        Depart = new(23, 59),
        Capacity = new(capacityWh),
        ArrivalStateOfCharge = soc,
        Phases = phases,
        MaxCurrent = new(16),
    };

    [Fact]
    public async Task Solar_mode_tracks_the_surplus_so_the_grid_stays_near_zero()
    {
        var site = TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Solar)], control: new ControlSettings { Reserve = new(100) });
        var loop = new ClosedLoop(site, Settings(10_000, 0.3, null, Car("a")), Morning);
        var tracked = new List<double>();
        await loop.RunAsync(TimeSpan.FromHours(4), d =>
        {
            var cp = d.ChargePoints[0];
            // Only cycles where the car runs between its limits can track exactly.
            if (cp.Reason == DecisionReason.Surplus && cp.Setpoint.Current.Amperes is > 6.5 and < 15.5)
            {
                tracked.Add(loop.Site.GridPower.Watts);
            }
        });

        Assert.True(tracked.Count > 3600, $"only {tracked.Count} tracking cycles in 4 h");
        var meanGrid = tracked.Average();
        var meanAbsolute = tracked.Average(Math.Abs);
        // The reserve (100 W) is exported on purpose; clouds move the surplus faster than a car follows.
        Assert.InRange(meanGrid, -250, 50);
        Assert.True(meanAbsolute < 400, $"mean |grid| {meanAbsolute:0} W while tracking");
        Assert.True(loop.Site.Totals.Charged["a"].KilowattHours > 10, "the car charged from PV");
    }

    [Fact]
    public async Task Grid_fuse_is_never_exceeded_for_more_than_one_cycle()
    {
        // Large enough to make the fuse bind often, small enough that the house alone never overloads it.
        var house = new SimulatedHouseSettings { BaseLoad = new(800), PeakLoad = new(1500), SpikeLoad = new(3000), SpikesPerHour = 4 };
        var site = TestSites.Site(
            [TestSites.ChargePoint("a", ChargeMode.Now), TestSites.ChargePoint("b", ChargeMode.Now), TestSites.ChargePoint("c", ChargeMode.MinSolar, phases: 1, gridPhase: 1)],
            fuseAmperes: 25);
        var loop = new ClosedLoop(site, Settings(3000, 0.5, house, Car("a"), Car("b"), Car("c", phases: 1)), Morning.AddHours(-2));
        var overloadRun = 0;
        var longestOverload = 0;
        var overloadedCycles = 0;
        await loop.RunAsync(TimeSpan.FromHours(12), _ =>
        {
            var worst = loop.Site.GridPhaseCurrents.Max(c => c.Amperes);
            overloadRun = worst > 25 + 1e-6 ? overloadRun + 1 : 0;

            overloadedCycles += overloadRun > 0 ? 1 : 0;
            longestOverload = Math.Max(longestOverload, overloadRun);
        });

        Assert.True(longestOverload <= 1, $"fuse exceeded for {longestOverload} consecutive cycles");
        // The limit binds: the cars would draw 3 × 11 kW otherwise.
        Assert.True(loop.Site.Totals.MaxPhaseCurrents.Max(c => c.Amperes) > 20);
        Assert.True(overloadedCycles < 12 * 3600 / 100, $"{overloadedCycles} overloaded cycles");
    }

    [Fact]
    public async Task Phase_switching_follows_the_surplus_with_hysteresis()
    {
        var point = TestSites.ChargePoint("a", ChargeMode.Solar, phaseSwitching: true);
        var site = TestSites.Site([point], control: new ControlSettings { Reserve = Power.Zero });
        // PV around the 3-phase minimum (4140 W): the car should use both 1 and 3 phases during the day.
        var loop = new ClosedLoop(site, Settings(5500, 0.6, null, Car("a")), Morning);
        var phasesSeen = new HashSet<int>();
        await loop.RunAsync(TimeSpan.FromHours(8), d =>
        {
            if (!d.ChargePoints[0].Setpoint.IsStop)
            {
                phasesSeen.Add(d.ChargePoints[0].Setpoint.Phases);
            }
        });

        var switches = loop.Controller.Statistics().Single().PhaseSwitches;
        Assert.Contains(1, phasesSeen);
        Assert.Contains(3, phasesSeen);
        // Delay 2 min + 30 s pause: never more than one switch per 2.5 minutes.
        Assert.InRange(switches, 2, (int)(8 * 60 / 2.5));
    }

    [Fact]
    public async Task Grid_meter_outage_enters_fail_safe_within_one_cycle_and_recovers()
    {
        var site = TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: new ControlSettings { StaleAfter = TimeSpan.FromSeconds(3) });
        var loop = new ClosedLoop(site, Settings(6000, 0.2, null, Car("a")), Morning);
        await loop.RunAsync(TimeSpan.FromMinutes(5));
        Assert.False(loop.LastDecision!.FailSafe);
        Assert.Equal(16, loop.LastDecision.ChargePoints[0].Setpoint.Current.Amperes);

        loop.Site.SetMeterOffline("grid", true);
        var cyclesUntilFailSafe = 0;
        while (!loop.LastDecision!.FailSafe)
        {
            await loop.RunAsync(1);
            cyclesUntilFailSafe++;
        }

        // The last good reading is 1 s old after the first missed cycle, 3 s after the third (still within
        // the limit) and 4 s after the fourth: the first cycle at which it is older than the limit.
        Assert.Equal(4, cyclesUntilFailSafe);
        Assert.Equal(6, loop.LastDecision.ChargePoints[0].Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.FailSafe, loop.LastDecision.ChargePoints[0].Reason);
        await loop.RunAsync(TimeSpan.FromSeconds(30));
        Assert.True(loop.LastDecision.FailSafe);

        loop.Site.SetMeterOffline("grid", false);
        await loop.RunAsync(1);
        Assert.False(loop.LastDecision.FailSafe);
        await loop.RunAsync(10);
        Assert.Equal(16, loop.LastDecision.ChargePoints[0].Setpoint.Current.Amperes);
    }

    [Fact]
    public async Task Priority_gets_more_energy_when_the_fuse_binds()
    {
        var site = TestSites.Site(
            [TestSites.ChargePoint("low", ChargeMode.Now), TestSites.ChargePoint("high", ChargeMode.Now, priority: 3)],
            fuseAmperes: 20);
        var loop = new ClosedLoop(site, Settings(0, 0, null, Car("low"), Car("high")), Morning);
        await loop.RunAsync(TimeSpan.FromHours(1));

        var charged = loop.Site.Totals.Charged;
        Assert.True(charged["high"].WattHours > 1.3 * charged["low"].WattHours, $"high {charged["high"]} vs low {charged["low"]}");
        Assert.Equal(16, loop.LastDecision!.ChargePoints.Single(d => d.ChargePointId == "high").Setpoint.Current.Amperes);
    }

    [Fact]
    public async Task Fifty_chargepoints_are_all_decided_every_cycle_within_the_limit()
    {
        var points = Enumerable.Range(0, 50)
            .Select(i => TestSites.ChargePoint($"cp{i:00}", i % 2 == 0 ? ChargeMode.Now : ChargeMode.MinSolar, phases: i % 5 == 0 ? 1 : 3, gridPhase: 1 + (i % 3), priority: i % 4))
            .ToArray();
        var site = TestSites.Site(points, fuseAmperes: 400, importLimitWatts: 250_000);
        var cars = points.Select(p => Car(p.Id, capacityWh: 80_000, phases: p.Phases, soc: 0.2)).ToArray();
        var loop = new ClosedLoop(site, Settings(60_000, 0.4, null, cars), Morning);
        var longestOverload = 0;
        var run = 0;
        await loop.RunAsync(TimeSpan.FromHours(1), d =>
        {
            Assert.Equal(50, d.ChargePoints.Count);
            var over = loop.Site.GridPhaseCurrents.Max(c => c.Amperes) > 400 + 1e-6 || loop.Site.GridPower.Watts > 250_000 + 1e-3;
            run = over ? run + 1 : 0;
            longestOverload = Math.Max(longestOverload, run);
        });

        Assert.True(longestOverload <= 1, $"limit exceeded for {longestOverload} consecutive cycles");
        Assert.True(loop.Site.GridPower.Watts > 200_000, $"the limit should bind: grid at {loop.Site.GridPower}");
        Assert.All(loop.Site.Totals.Charged.Values, e => Assert.True(e.WattHours > 0));
    }
}
