using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class MeterTests
{
    [Fact]
    public async Task An_offline_meter_times_out_naming_itself_until_it_is_back()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings());
        var grid = h.Site.Meters.Single(m => m.Id == "grid");

        h.Site.SetMeterOffline("grid", true);
        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await grid.ReadAsync(Harness.Ct));
        Assert.Contains("'grid'", error.Message, StringComparison.Ordinal);
        Assert.Equal(ReadingQuality.Good, (await h.Site.Meters.Single(m => m.Id == "pv").ReadAsync(Harness.Ct)).Quality);

        h.Site.SetMeterOffline("grid", false);
        Assert.Equal(ReadingQuality.Good, (await grid.ReadAsync(Harness.Ct)).Quality);
        Assert.Throws<ArgumentException>(() => h.Site.SetMeterOffline("nope", true));
    }

    [Fact]
    public async Task Only_simulated_devices_are_played_by_the_simulation()
    {
        var site = SimSites.Site(
            [SimSites.ChargePoint("sim"), SimSites.ChargePoint("real", protocol: "go-e")],
            extraMeters: [SimSites.Meter("sub", MeterRole.Load, new ModbusConnection("tcp://10.0.0.5:502", 1, "eastron-sdm630"))]);
        var h = new Harness(site, SimSites.Settings());

        Assert.Equal(["grid", "pv", "house", "battery"], h.Site.Meters.Select(m => m.Id));
        Assert.Equal(["sim"], h.Site.ChargePoints.Select(c => c.Id));

        var battery = await h.Meter("battery");
        Assert.Equal(0, battery.Power.Watts);
        Assert.All(battery.PhaseCurrents, c => Assert.Equal(0, c.Amperes));
    }

    [Fact]
    public async Task The_grid_meter_shows_house_plus_chargepoints_minus_pv()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp")]),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(8, 0), new(17, 0))]),
            Harness.Day.AddHours(11));
        await h.Apply("cp", 6);
        h.Seconds(5);

        var grid = await h.Meter("grid");
        var pv = await h.Meter("pv");
        var house = await h.Meter("house");
        var cp = await h.ChargePoint("cp");
        Assert.Equal(ChargePointStatus.Charging, cp.Status);
        Assert.True(pv.Power.Watts < -7000);
        Assert.Equal(house.Power.Watts + cp.Power.Watts + pv.Power.Watts, grid.Power.Watts, 6);
        Assert.Equal(grid.Power.Watts, grid.PhaseCurrents.Sum(c => c.Amperes) * 230, 6);
        Assert.True(grid.Power.Watts < 0); // exporting
        Assert.Equal(grid.Power, h.Site.GridPower);
    }

    [Fact]
    public async Task A_single_phase_grid_reports_one_phase_current()
    {
        var h = new Harness(
            SimSites.Site([SimSites.ChargePoint("cp", phases: 1, gridPhase: 2)], gridPhases: 1),
            SimSites.Settings(vehicles: [SimSites.Car("cp", new(18, 0), new(7, 0))]));
        await h.Apply("cp", 10, 1);
        h.Seconds(5);

        var grid = await h.Meter("grid");
        var current = Assert.Single(grid.PhaseCurrents);
        Assert.Equal(10 + (300 / 230.0), current.Amperes, 6);
        Assert.Single(h.Site.Totals.MaxPhaseCurrents);
    }

    [Fact]
    public async Task Readings_before_the_first_advance_are_invalid()
    {
        var site = new SimulatedSite(SimSites.Site(), SimSites.Settings(), TimeProvider.System);
        var reading = await site.Meters[0].ReadAsync(Harness.Ct);
        Assert.Equal(ReadingQuality.Invalid, reading.Quality);
    }

    [Fact]
    public void A_vehicle_on_an_unknown_chargepoint_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SimulatedSite(
            SimSites.Site(), SimSites.Settings(vehicles: [SimSites.Car("ghost", new(8, 0), new(17, 0))]), TimeProvider.System));
        Assert.Contains("'ghost'", error.Message, StringComparison.Ordinal);
    }
}
