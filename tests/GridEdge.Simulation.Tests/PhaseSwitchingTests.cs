using GridEdge.Domain.Readings;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class PhaseSwitchingTests
{
    private static Harness Site() => new(
        SimSites.Site([SimSites.ChargePoint("cp", phaseSwitching: true)]),
        SimSites.Settings(vehicles: [SimSites.Car("cp", new(18, 0), new(7, 0))]),
        Harness.Day.AddHours(22));

    [Fact]
    public async Task Switching_while_charging_stops_switches_and_restarts_after_the_start_delay()
    {
        var h = Site();
        await h.Apply("cp", 10, 3);
        h.Seconds(5);
        Assert.Equal(3, (await h.ChargePoint("cp")).ActivePhases);

        await h.Apply("cp", 10, 1);
        h.Seconds(1);
        var paused = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Connected, paused.Status);
        Assert.Equal(1, paused.ActivePhases);

        h.Seconds(3);
        Assert.Equal(ChargePointStatus.Connected, (await h.ChargePoint("cp")).Status);
        h.Seconds(1);
        var running = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Charging, running.Status);
        Assert.Equal(1, running.ActivePhases);
        Assert.Equal(2300, running.Power.Watts, 6);

        var grid = await h.Meter("grid");
        Assert.Equal(10 + (150 / 230.0), grid.PhaseCurrents[0].Amperes, 6);
        Assert.Equal(90 / 230.0, grid.PhaseCurrents[1].Amperes, 6);
    }

    [Fact]
    public async Task Switching_while_idle_is_immediate()
    {
        var h = Site();
        await h.Apply("cp", 0, 1);
        h.Seconds(1);
        Assert.Equal(1, (await h.ChargePoint("cp")).ActivePhases);

        await h.Apply("cp", 16, 3);
        h.Seconds(5);
        var running = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Charging, running.Status);
        Assert.Equal(3, running.ActivePhases);
    }
}
