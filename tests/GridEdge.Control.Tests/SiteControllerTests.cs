using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>Single cycles on hand-made snapshots: each test states the site and the readings that matter.</summary>
public sealed class SiteControllerTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 10, 0, 0, TimeSpan.Zero);

    private static ControlSettings Quick => new()
    {
        EnableDelay = TimeSpan.Zero,
        DisableDelay = TimeSpan.FromMinutes(1),
        RampUpPerSecond = new(100),
        Reserve = new(0),
        GridMargin = new(0),
    };

    private static ChargePointDecision Only(ControlDecision decision, string id) =>
        decision.ChargePoints.Single(d => d.ChargePointId == id);

    [Fact]
    public void Now_mode_charges_at_maximum_when_the_fuse_allows()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([5, 5, 5]).ChargePoint("a", ChargePointStatus.Connected).Build());

        var a = Only(decision, "a");
        Assert.Equal(16, a.Setpoint.Current.Amperes);
        Assert.Equal(3, a.Setpoint.Phases);
        Assert.Equal(DecisionReason.MaxCurrent, a.Reason);
        Assert.Equal(T0 + new ControlSettings().SetpointTtl, a.Setpoint.ExpiresAt);
    }

    [Fact]
    public void Fuse_headroom_is_shared_fairly_between_equal_priorities()
    {
        var site = TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now), TestSites.ChargePoint("b", ChargeMode.Now)], control: Quick);
        var controller = new SiteController(site);
        // House 10 A per phase, both cars already drawing 6 A: grid shows 22 A, fuse 25 A → 15 A for both.
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([22, 22, 22])
            .ChargePoint("a", ChargePointStatus.Charging, 6).ChargePoint("b", ChargePointStatus.Charging, 6).Build());

        Assert.Equal(7.5, Only(decision, "a").Setpoint.Current.Amperes);
        Assert.Equal(7.5, Only(decision, "b").Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.GridLimit, Only(decision, "a").Reason);
    }

    [Fact]
    public void Higher_priority_gets_the_headroom_first_and_the_other_stops_below_minimum()
    {
        var site = TestSites.Site([TestSites.ChargePoint("low", ChargeMode.Now), TestSites.ChargePoint("high", ChargeMode.Now, priority: 5)], control: Quick);
        var controller = new SiteController(site);
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([10, 10, 10])
            .ChargePoint("low", ChargePointStatus.Connected).ChargePoint("high", ChargePointStatus.Connected).Build());

        Assert.Equal(15, Only(decision, "high").Setpoint.Current.Amperes);
        Assert.Equal(0, Only(decision, "low").Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.GridLimitStopped, Only(decision, "low").Reason);
    }

    [Fact]
    public void Single_phase_chargepoint_is_limited_by_its_own_phase_only()
    {
        var site = TestSites.Site([TestSites.ChargePoint("one", ChargeMode.Now, phases: 1, maxAmperes: 32, gridPhase: 2)], control: Quick);
        var controller = new SiteController(site);
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([24, 12, 24]).ChargePoint("one", ChargePointStatus.Connected, phases: 1).Build());

        Assert.Equal(13, Only(decision, "one").Setpoint.Current.Amperes);
        Assert.Equal(1, Only(decision, "one").Setpoint.Phases);
    }

    [Fact]
    public void Total_import_limit_binds_before_the_fuse()
    {
        var site = TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], importLimitWatts: 6000, control: Quick);
        var controller = new SiteController(site);
        // House 1380 W; 4620 W left → 4620 / 690 = 6.69 A, floored to the 0.1 A step.
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([2, 2, 2]).ChargePoint("a", ChargePointStatus.Connected).Build());

        Assert.Equal(6.6, Only(decision, "a").Setpoint.Current.Amperes, 9);
    }

    [Fact]
    public void Solar_mode_takes_the_export_plus_its_own_draw_minus_the_reserve()
    {
        var settings = Quick with { Reserve = new(230 * 3) };
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Solar)], control: settings));
        // Exporting 4 A per phase while the car draws 8 A: 12 A available, minus 1 A reserve.
        controller.Decide(new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("a", ChargePointStatus.Connected).Build());
        var decision = controller.Decide(new SnapshotBuilder(T0.AddSeconds(1)).Grid([-4, -4, -4]).ChargePoint("a", ChargePointStatus.Charging, 8).Build());

        Assert.Equal(11, Only(decision, "a").Setpoint.Current.Amperes, 9);
        Assert.Equal(DecisionReason.Surplus, Only(decision, "a").Reason);
    }

    [Fact]
    public void Solar_mode_waits_without_enough_surplus()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Solar)], control: Quick));
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([-2, -2, -2]).ChargePoint("a", ChargePointStatus.Connected).Build());

        Assert.Equal(0, Only(decision, "a").Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.WaitingForSurplus, Only(decision, "a").Reason);
    }

    [Fact]
    public void MinSolar_charges_at_minimum_without_surplus()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.MinSolar)], control: Quick));
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([3, 3, 3]).ChargePoint("a", ChargePointStatus.Connected).Build());

        Assert.Equal(6, Only(decision, "a").Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.MinimumCurrent, Only(decision, "a").Reason);
    }

    [Fact]
    public void Stale_grid_meter_puts_running_chargers_to_minimum_within_one_cycle_and_recovers()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        controller.Decide(new SnapshotBuilder(T0).Grid([5, 5, 5]).ChargePoint("a", ChargePointStatus.Charging, 16).Build());

        var t1 = T0.AddSeconds(4);
        var stale = controller.Decide(new SnapshotBuilder(t1).Grid([5, 5, 5], age: TimeSpan.FromSeconds(3.5)).ChargePoint("a", ChargePointStatus.Charging, 16).Build());
        Assert.True(stale.FailSafe);
        Assert.Equal(6, Only(stale, "a").Setpoint.Current.Amperes);
        Assert.Equal(DecisionReason.FailSafe, Only(stale, "a").Reason);
        Assert.Contains("3.5 s old", Only(stale, "a").Detail, StringComparison.Ordinal);

        var fresh = controller.Decide(new SnapshotBuilder(t1.AddSeconds(1)).Grid([5, 5, 5]).ChargePoint("a", ChargePointStatus.Charging, 6).Build());
        Assert.False(fresh.FailSafe);
        Assert.Equal(16, Only(fresh, "a").Setpoint.Current.Amperes);
    }

    [Fact]
    public void Fail_safe_off_action_stops_every_charger()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick with { FailSafeAction = FailSafeAction.Off }));
        controller.Decide(new SnapshotBuilder(T0).Grid([5, 5, 5]).ChargePoint("a", ChargePointStatus.Charging, 16).Build());
        var decision = controller.Decide(new SnapshotBuilder(T0.AddSeconds(1)).ChargePoint("a", ChargePointStatus.Charging, 16).Build());

        Assert.True(decision.FailSafe);
        Assert.True(Only(decision, "a").Setpoint.IsStop);
        Assert.Contains("no grid meter reading", Only(decision, "a").Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_grid_reading_is_fail_safe_even_when_fresh()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([5, 5, 5], quality: ReadingQuality.Invalid).ChargePoint("a", ChargePointStatus.Connected).Build());

        Assert.True(decision.FailSafe);
    }

    [Fact]
    public void Stale_charger_goes_to_its_safe_value_and_its_draw_stays_in_the_base_load()
    {
        var site = TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now), TestSites.ChargePoint("b", ChargeMode.Now)], control: Quick);
        var controller = new SiteController(site);
        // a is silent for 20 s; its 16 A may still flow, so b only gets 25 − 20 = 5 A... below 6 A: stop.
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([20, 20, 20])
            .ChargePoint("a", ChargePointStatus.Charging, 16, age: TimeSpan.FromSeconds(20))
            .ChargePoint("b", ChargePointStatus.Connected).Build());

        Assert.Equal(DecisionReason.ChargerStale, Only(decision, "a").Reason);
        Assert.True(Only(decision, "a").Setpoint.IsStop);
        Assert.Equal(0, Only(decision, "b").Setpoint.Current.Amperes);
    }

    [Theory]
    [InlineData(ChargePointStatus.Disconnected, DecisionReason.NotPluggedIn)]
    [InlineData(ChargePointStatus.Complete, DecisionReason.VehicleFull)]
    [InlineData(ChargePointStatus.Error, DecisionReason.ChargerFault)]
    public void Chargepoints_without_a_car_ready_get_a_stop(ChargePointStatus status, DecisionReason reason)
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("a", status).Build());

        Assert.Equal(reason, Only(decision, "a").Reason);
        Assert.True(Only(decision, "a").Setpoint.IsStop);
    }

    [Fact]
    public void Mode_change_applies_from_the_next_cycle()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        controller.SetMode("a", ChargeMode.Off);
        var decision = controller.Decide(new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("a", ChargePointStatus.Connected).Build());

        Assert.Equal(DecisionReason.ModeOff, Only(decision, "a").Reason);
        Assert.Throws<ArgumentException>(() => controller.SetMode("nope", ChargeMode.Now));
    }

    [Fact]
    public void Ramp_up_is_limited_and_ramp_down_is_immediate()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick with { RampUpPerSecond = new(2) }));
        var first = controller.Decide(new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("a", ChargePointStatus.Connected).Build());
        Assert.Equal(8, Only(first, "a").Setpoint.Current.Amperes); // minimum + 2 A/s × 1 s
        Assert.Equal(DecisionReason.RampUp, Only(first, "a").Reason);

        var second = controller.Decide(new SnapshotBuilder(T0.AddSeconds(1)).Grid([8, 8, 8]).ChargePoint("a", ChargePointStatus.Charging, 8).Build());
        Assert.Equal(10, Only(second, "a").Setpoint.Current.Amperes);

        // The house jumps to 22 A per phase: only 3 A left for the car, below its minimum → stop at once.
        var third = controller.Decide(new SnapshotBuilder(T0.AddSeconds(2)).Grid([32, 32, 32]).ChargePoint("a", ChargePointStatus.Charging, 10).Build());
        Assert.Equal(0, Only(third, "a").Setpoint.Current.Amperes);
    }

    [Fact]
    public void Deadband_keeps_small_surplus_changes_from_reaching_the_charger_but_not_grid_limits()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Solar)], control: Quick));
        controller.Decide(new SnapshotBuilder(T0).Grid([-10, -10, -10]).ChargePoint("a", ChargePointStatus.Connected).Build());
        var d1 = controller.Decide(new SnapshotBuilder(T0.AddSeconds(1)).Grid([0, 0, 0]).ChargePoint("a", ChargePointStatus.Charging, 10).Build());
        Assert.Equal(10, Only(d1, "a").Setpoint.Current.Amperes);

        // Surplus moves by 0.3 A: the command stays.
        var d2 = controller.Decide(new SnapshotBuilder(T0.AddSeconds(2)).Grid([0.3, 0.3, 0.3]).ChargePoint("a", ChargePointStatus.Charging, 10).Build());
        Assert.Equal(10, Only(d2, "a").Setpoint.Current.Amperes);

        // At the fuse, even 0.3 A too much is taken back.
        var tight = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick));
        tight.Decide(new SnapshotBuilder(T0).Grid([9, 9, 9]).ChargePoint("a", ChargePointStatus.Connected).Build());
        var over = tight.Decide(new SnapshotBuilder(T0.AddSeconds(1)).Grid([25.3, 25.3, 25.3]).ChargePoint("a", ChargePointStatus.Charging, 16).Build());
        Assert.Equal(15.7, Only(over, "a").Setpoint.Current.Amperes, 9);
    }

    [Fact]
    public void Every_one_of_fifty_chargepoints_gets_a_decision_each_cycle_within_the_limit()
    {
        var points = Enumerable.Range(0, 50).Select(i => TestSites.ChargePoint($"cp{i:00}", ChargeMode.Now, priority: i % 3)).ToArray();
        var controller = new SiteController(TestSites.Site(points, fuseAmperes: 400, control: Quick));
        var builder = new SnapshotBuilder(T0).Grid([20, 20, 20]);
        foreach (var p in points)
        {
            builder.ChargePoint(p.Id, ChargePointStatus.Connected);
        }

        var decision = controller.Decide(builder.Build());

        Assert.Equal(50, decision.ChargePoints.Count);
        Assert.Equal(points.Select(p => p.Id), decision.ChargePoints.Select(d => d.ChargePointId));
        var total = decision.ChargePoints.Sum(d => d.Setpoint.Current.Amperes);
        Assert.True(total <= 380 + 1e-9, $"allocated {total} A per phase of 380 A headroom");
        Assert.True(total >= 380 - 16, $"allocated only {total} A of 380 A headroom");
        Assert.All(decision.ChargePoints, d => Assert.True(d.Setpoint.Current.Amperes is 0 or >= 6));
    }

    [Fact]
    public void Vehicle_drawing_less_than_offered_releases_its_share_after_a_while()
    {
        var site = TestSites.Site([TestSites.ChargePoint("full", ChargeMode.Now, priority: 1), TestSites.ChargePoint("b", ChargeMode.Now)], control: Quick);
        var controller = new SiteController(site);
        // House 4 A per phase; "full" is commanded 16 A but its car tapers at 2 A.
        ControlDecision decision = null!;
        for (var s = 0; s <= 12; s++)
        {
            decision = controller.Decide(new SnapshotBuilder(T0.AddSeconds(s)).Grid([4 + 2 + 0, 4 + 2, 4 + 2])
                .ChargePoint("full", ChargePointStatus.Charging, s == 0 ? 0 : 2).ChargePoint("b", ChargePointStatus.Connected).Build());
            if (s == 1)
            {
                // Not yet: a car needs time to follow a new command.
                Assert.True(16 == Only(decision, "full").Setpoint.Current.Amperes, Only(decision, "full").ToString());
                Assert.Equal(0, Only(decision, "b").Setpoint.Current.Amperes);
            }
        }

        // After 10 s the tapering car is offered its draw + 1 A (but never below the charger minimum)
        // and the other car gets the rest of the 21 A headroom.
        Assert.Equal(6, Only(decision, "full").Setpoint.Current.Amperes);
        Assert.Equal(15, Only(decision, "b").Setpoint.Current.Amperes);
    }

    [Fact]
    public void One_phase_car_on_a_three_phase_chargepoint_gets_the_surplus_as_one_phase_current()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Solar)], control: Quick));
        controller.Decide(new SnapshotBuilder(T0).Grid([-4, -4, -4]).ChargePoint("a", ChargePointStatus.Connected).Build());
        // The car draws 8 A on L1 only (1840 W) while 920 W are still exported: 2760 W of surplus is
        // 12 A on the one phase it uses, not 4 A per phase on three.
        var decision = controller.Decide(new SnapshotBuilder(T0.AddSeconds(1)).Grid([4, -4, -4]).ChargePoint("a", ChargePointStatus.Charging, 8, phases: 1).Build());

        Assert.True(12 == Only(decision, "a").Setpoint.Current.Amperes, Only(decision, "a").ToString());
        Assert.Equal(3, Only(decision, "a").Setpoint.Phases);
    }

    [Fact]
    public void Deadband_does_not_keep_a_charge_just_short_of_its_maximum()
    {
        var controller = new SiteController(TestSites.Site([TestSites.ChargePoint("a", ChargeMode.Now)], control: Quick with { RampUpPerSecond = new(2) }));
        controller.Decide(new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("a", ChargePointStatus.Connected).Build());
        // A late cycle (3.8 s) lets the ramp reach 15.6 A; the next one must still go to 16 A.
        var late = controller.Decide(new SnapshotBuilder(T0 + TimeSpan.FromMilliseconds(3800)).Grid([8, 8, 8]).ChargePoint("a", ChargePointStatus.Charging, 8).Build());
        Assert.True(15.6 == Only(late, "a").Setpoint.Current.Amperes, Only(late, "a").ToString());
        var next = controller.Decide(new SnapshotBuilder(T0 + TimeSpan.FromMilliseconds(4800)).Grid([15.6, 15.6, 15.6]).ChargePoint("a", ChargePointStatus.Charging, 15.6).Build());
        Assert.Equal(16, Only(next, "a").Setpoint.Current.Amperes);
    }

    [Fact]
    public void Shutdown_sends_running_chargers_to_their_safe_value()
    {
        var site = TestSites.Site([TestSites.ChargePoint("running", ChargeMode.Now), TestSites.ChargePoint("idle", ChargeMode.Solar)], control: Quick);
        var controller = new SiteController(site);
        var snapshot = new SnapshotBuilder(T0).Grid([0, 0, 0]).ChargePoint("running", ChargePointStatus.Connected).ChargePoint("idle", ChargePointStatus.Connected).Build();
        controller.Decide(snapshot);

        var safe = controller.Shutdown(new SnapshotBuilder(T0.AddSeconds(1)).Grid([10, 10, 10])
            .ChargePoint("running", ChargePointStatus.Charging, 16).ChargePoint("idle", ChargePointStatus.Connected).Build());

        Assert.Equal(6, safe.Single(d => d.ChargePointId == "running").Setpoint.Current.Amperes);
        Assert.True(safe.Single(d => d.ChargePointId == "idle").Setpoint.IsStop);
        Assert.All(safe, d => Assert.Equal(DecisionReason.FailSafe, d.Reason));
        Assert.All(safe, d => Assert.StartsWith("gateway stopping", d.Detail, StringComparison.Ordinal));
    }
}
