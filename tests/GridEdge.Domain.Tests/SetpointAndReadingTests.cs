using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Domain.Tests;

public sealed class SetpointAndReadingTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Current_setpoint_carries_power_phases_and_expiry()
    {
        var setpoint = Setpoint.ForCurrent("cp", new Current(10), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10));
        Assert.Equal(6900, setpoint.Power.Watts, 9);
        Assert.Equal(T0.AddSeconds(10), setpoint.ExpiresAt);
        Assert.False(setpoint.IsStop);
        Assert.False(setpoint.IsDischarge);
    }

    [Fact]
    public void Negative_power_setpoint_is_a_discharge_with_positive_current()
    {
        var setpoint = Setpoint.ForPower("v2h", new Power(-4000), 1, Voltage.Japan, T0, TimeSpan.FromSeconds(10));
        Assert.True(setpoint.IsDischarge);
        Assert.Equal(20, setpoint.Current.Amperes, 9);
    }

    [Fact]
    public void Meaningful_change_ignores_small_current_noise_but_not_phases_or_stop()
    {
        var a = Setpoint.ForCurrent("cp", new Current(10), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10));
        var tolerance = new Current(0.05);
        Assert.False(Setpoint.ForCurrent("cp", new Current(10.03), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10)).DiffersFrom(a, tolerance));
        Assert.True(Setpoint.ForCurrent("cp", new Current(10.2), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10)).DiffersFrom(a, tolerance));
        Assert.True(Setpoint.ForCurrent("cp", new Current(10), 1, Voltage.Europe, T0, TimeSpan.FromSeconds(10)).DiffersFrom(a, tolerance));
        Assert.True(Setpoint.ForCurrent("cp", Current.Zero, 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10)).DiffersFrom(a, tolerance));
        Assert.True(a.DiffersFrom(null, tolerance));
    }

    [Fact]
    public void Reading_is_usable_while_fresh_and_not_invalid()
    {
        var sample = new MeterSample { Power = new(100) };
        var reading = new Reading<MeterSample>(sample, T0, ReadingQuality.Good, "grid");
        Assert.True(reading.IsUsableAt(T0.AddSeconds(3), TimeSpan.FromSeconds(3)));
        Assert.False(reading.IsUsableAt(T0.AddSeconds(3.1), TimeSpan.FromSeconds(3)));
        Assert.False((reading with { Quality = ReadingQuality.Invalid }).IsUsableAt(T0, TimeSpan.FromSeconds(3)));
        Assert.True((reading with { Quality = ReadingQuality.Estimated }).IsUsableAt(T0, TimeSpan.FromSeconds(3)));
    }

    [Fact]
    public void Site_state_keeps_the_newest_reading_even_when_a_late_one_arrives()
    {
        var state = new SiteState();
        state.Publish("grid", new Reading<MeterSample>(new MeterSample { Power = new(2) }, T0.AddSeconds(2), ReadingQuality.Good, "grid"));
        state.Publish("grid", new Reading<MeterSample>(new MeterSample { Power = new(1) }, T0.AddSeconds(1), ReadingQuality.Good, "grid"));

        var snapshot = state.Snapshot(T0.AddSeconds(3));
        Assert.Equal(2, snapshot.Meter("grid")!.Value.Power.Watts);
        Assert.Null(snapshot.Meter("pv"));

        // The snapshot is frozen: later readings do not change it.
        state.Publish("grid", new Reading<MeterSample>(new MeterSample { Power = new(5) }, T0.AddSeconds(4), ReadingQuality.Good, "grid"));
        Assert.Equal(2, snapshot.Meter("grid")!.Value.Power.Watts);
    }

    [Fact]
    public void Remaining_energy_to_target_never_goes_negative()
    {
        var session = new VehicleSession { TargetEnergy = new Energy(10_000) };
        Assert.Equal(4_000, session.RemainingToTarget(new Energy(6_000))!.Value.WattHours);
        Assert.Equal(0, session.RemainingToTarget(new Energy(12_000))!.Value.WattHours);
        Assert.Null(new VehicleSession().RemainingToTarget(new Energy(1)));
    }
}
