using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>
/// Surplus that hovers at a threshold (a compressor cycling, passing clouds) must not make the
/// charger flap. A minimal plant: the car draws its setpoint at once, so every start or switch
/// is the controller's own doing.
/// </summary>
public sealed class HysteresisTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="hours"/> of 1 s cycles with a base load given per second; returns the controller.</summary>
    private static SiteController Run(ChargePointDefinition point, ControlSettings settings, double hours, Func<int, double> baseWatts)
    {
        var site = TestSites.Site([point], control: settings);
        var controller = new SiteController(site);
        var time = new FakeTimeProvider(Start);
        double amperes = 0;
        var phases = point.Phases;
        for (var second = 0; second < hours * 3600; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            var perPhase = baseWatts(second) / 3 / 230;
            var grid = new[] { perPhase, perPhase, perPhase };
            for (var p = 0; p < phases; p++)
            {
                grid[p] += amperes;
            }

            var decision = controller.Decide(new SnapshotBuilder(time.GetUtcNow()).Grid(grid)
                .ChargePoint(point.Id, amperes > 0 ? ChargePointStatus.Charging : ChargePointStatus.Connected, amperes, phases).Build());
            var setpoint = decision.ChargePoints[0].Setpoint;
            amperes = setpoint.Current.Amperes;
            phases = setpoint.Phases;
        }

        return controller;
    }

    /// <summary>Surplus swinging ±300 W around the 1-phase minimum (1380 W): 40 s above, 20 s below.</summary>
    private static double AroundSinglePhaseMinimum(int second) => -(1380 + (second % 60 < 40 ? 300 : -300));

    [Fact]
    public void Start_stop_hysteresis_prevents_flapping_at_the_start_threshold()
    {
        var point = TestSites.ChargePoint("a", ChargeMode.Solar, phases: 1);
        var noHysteresis = new ControlSettings { EnableDelay = TimeSpan.Zero, DisableDelay = TimeSpan.Zero, Deadband = Current.Zero, Reserve = Power.Zero, RampUpPerSecond = new(100) };
        var withHysteresis = noHysteresis with { EnableDelay = TimeSpan.FromSeconds(30), DisableDelay = TimeSpan.FromMinutes(3) };

        var flapping = Run(point, noHysteresis, 4, AroundSinglePhaseMinimum).Statistics().Single().Starts;
        var steady = Run(point, withHysteresis, 4, AroundSinglePhaseMinimum).Statistics().Single().Starts;

        // Without delays the charger starts every minute; with them it starts once and keeps going,
        // because the surplus comes back long before the 3 min stop delay runs out.
        Assert.True(flapping >= 200, $"baseline flapped only {flapping} times");
        Assert.Equal(1, steady);
    }

    [Fact]
    public void Charger_stops_only_after_the_stop_delay_and_restarts_only_after_the_start_delay()
    {
        var point = TestSites.ChargePoint("a", ChargeMode.Solar, phases: 1);
        var settings = new ControlSettings { Reserve = Power.Zero, RampUpPerSecond = new(100) };
        // 10 min of 2 kW surplus, 10 min of none, repeated: one start per sunny period at most.
        var controller = Run(point, settings, 2, s => s / 600 % 2 == 0 ? -2000 : 200);

        Assert.Equal(6, controller.Statistics().Single().Starts);
    }

    [Fact]
    public void Phase_switching_waits_for_the_switch_delay_and_does_not_oscillate()
    {
        var point = TestSites.ChargePoint("a", ChargeMode.Solar, phaseSwitching: true);
        var settings = new ControlSettings { Reserve = Power.Zero, RampUpPerSecond = new(100), EnableDelay = TimeSpan.Zero };
        // Surplus swinging ±500 W around the 3-phase minimum (4140 W) every 30 s.
        var swinging = Run(point, settings, 2, s => -(4140 + (s / 15 % 2 == 0 ? 500 : -500)));
        // A clear change: 6 kW for 30 min, then 2.5 kW for 30 min, twice.
        var stepping = Run(point, settings, 2, s => s / 1800 % 2 == 0 ? -6000 : -2500);

        // Swinging faster than the 2 min switch delay never builds up a switch after the first choice.
        Assert.True(swinging.Statistics().Single().PhaseSwitches <= 1, $"{swinging.Statistics().Single().PhaseSwitches} switches");
        // Each level change is followed by exactly one switch: 3→1, 1→3, 3→1 (the start on 3 phases is idle, no switch).
        Assert.Equal(3, stepping.Statistics().Single().PhaseSwitches);
    }
}
