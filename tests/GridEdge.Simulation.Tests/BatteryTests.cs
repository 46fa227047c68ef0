using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Simulation.Tests;

/// <summary>The simulated stationary battery: efficiency, power limits, the SoC window, and its share of the grid.</summary>
public sealed class BatteryTests
{
    private static readonly BatteryDefinition TenKwh = new()
    {
        Id = "battery",
        Capacity = Energy.FromKilowattHours(10),
        MaxChargePower = new(5000),
        MaxDischargePower = new(4000),
        MinStateOfCharge = 0.1,
        MaxStateOfCharge = 0.9,
        ChargeEfficiency = 0.95,
        DischargeEfficiency = 0.9,
        MeterId = "battery",
        Simulated = true,
    };

    [Fact]
    public async Task One_kilowatt_for_an_hour_stores_the_charge_efficiency_share()
    {
        var h = Start(TenKwh);
        await Command(h, 1000);
        var before = await Sample(h);

        h.Seconds(3600);

        var after = await Sample(h);
        Assert.Equal(1000, after.Power.Watts);
        Assert.Equal(0.095, after.StateOfCharge - before.StateOfCharge, 1e-9);
        Assert.Equal(1000, h.Site.Totals.BatteryCharged.WattHours, 1e-6);
    }

    [Fact]
    public async Task Discharging_draws_more_from_the_store_than_it_delivers()
    {
        var h = Start(TenKwh);
        await Command(h, -900);
        var before = await Sample(h);

        h.Seconds(3600);

        var after = await Sample(h);
        Assert.Equal(-900, after.Power.Watts);
        Assert.Equal(-0.1, after.StateOfCharge - before.StateOfCharge, 1e-9); // 0.9 kWh AC ÷ 0.9 = 1 kWh of 10
        Assert.Equal(900, h.Site.Totals.BatteryDischarged.WattHours, 1e-6);
    }

    [Theory]
    [InlineData(8000, 5000)]
    [InlineData(-9000, -4000)]
    [InlineData(0, 0)]
    public async Task Power_is_limited_to_the_battery_ratings(double commanded, double expected)
    {
        var h = Start(TenKwh);

        await Command(h, commanded);

        Assert.Equal(expected, (await Sample(h)).Power.Watts);
        Assert.Equal(commanded, h.Site.Battery!.Commanded.Watts);
    }

    [Fact]
    public async Task Charging_stops_exactly_at_the_maximum_state_of_charge()
    {
        // 1 kWh from 0.85 to 0.9: 50 Wh stored = 52.6 Wh AC, about 38 s at 5 kW.
        var h = Start(TenKwh with { Capacity = Energy.FromKilowattHours(1) }, stateOfCharge: 0.85);
        await Command(h, 5000);

        for (var second = 0; second < 60; second++)
        {
            h.Seconds(1);
            Assert.True((await Sample(h)).StateOfCharge <= 0.9 + 1e-12, $"overshot at {second} s");
        }

        var full = await Sample(h);
        Assert.Equal(0.9, full.StateOfCharge, 1e-12);
        Assert.Equal(0, full.Power.Watts);
        Assert.Equal(50 / 0.95, h.Site.Totals.BatteryCharged.WattHours, 1e-6);
    }

    [Fact]
    public async Task Discharging_stops_exactly_at_the_minimum_state_of_charge()
    {
        var h = Start(TenKwh with { Capacity = Energy.FromKilowattHours(1) }, stateOfCharge: 0.15);
        await Command(h, -4000);

        for (var second = 0; second < 60; second++)
        {
            h.Seconds(1);
            Assert.True((await Sample(h)).StateOfCharge >= 0.1 - 1e-12, $"undershot at {second} s");
        }

        var empty = await Sample(h);
        Assert.Equal(0.1, empty.StateOfCharge, 1e-12);
        Assert.Equal(0, empty.Power.Watts);
        Assert.Equal(50 * 0.9, h.Site.Totals.BatteryDischarged.WattHours, 1e-6);
    }

    [Fact]
    public async Task The_grid_carries_the_battery_spread_over_three_phases()
    {
        // Midnight: no PV, only the quiet house.
        var h = Start(TenKwh);
        var house = h.Site.HousePower;
        var idle = h.Site.GridPhaseCurrents.Select(c => c.Amperes).ToArray();

        await Command(h, 2300);

        Assert.Equal(house.Watts, h.Site.HousePower.Watts);
        Assert.Equal(house.Watts + 2300, h.Site.GridPower.Watts, 1e-9);
        var grid = await h.Meter("grid");
        Assert.Equal(house.Watts + 2300, grid.Power.Watts, 1e-9);
        Assert.Equal(idle.Select(a => a + (2300.0 / 3 / 230)), grid.PhaseCurrents.Select(c => c.Amperes), new Tolerance(1e-9));
        var meter = await h.Meter("battery");
        Assert.Equal(2300, meter.Power.Watts);

        await Command(h, -3000);
        Assert.Equal(house.Watts - 3000, h.Site.GridPower.Watts, 1e-9);
    }

    [Fact]
    public async Task An_hour_of_charging_is_imported_from_the_grid()
    {
        var h = Start(TenKwh);
        await Command(h, 2000);
        var start = h.Site.Totals;

        h.Seconds(3600);

        var totals = h.Site.Totals;
        var house = totals.HouseConsumption - start.HouseConsumption;
        var imported = totals.GridImport - start.GridImport;
        Assert.Equal(house.WattHours + 2000, imported.WattHours, 1e-6);
        Assert.Equal(2000, (totals.BatteryCharged - start.BatteryCharged).WattHours, 1e-6);
        var meter = await h.Meter("battery");
        Assert.Equal(totals.BatteryCharged.WattHours, meter.ImportedEnergy!.Value.WattHours, 1e-9);
    }

    [Fact]
    public void A_site_without_a_simulated_battery_has_none()
    {
        var h = new Harness(SimSites.Site() with { Battery = TenKwh with { Simulated = false } }, SimSites.Settings());

        Assert.Null(h.Site.Battery);
    }

    private static Harness Start(BatteryDefinition battery, double stateOfCharge = 0.5) =>
        new(SimSites.Site() with { Battery = battery }, SimSites.Settings() with { BatteryStateOfCharge = stateOfCharge });

    /// <summary>Commands the battery; it takes the command at the next step, so advance one second.</summary>
    private static async Task Command(Harness h, double watts)
    {
        await h.Site.Battery!.SetPowerAsync(new Power(watts), Harness.Ct);
        h.Seconds(1);
    }

    private static async Task<BatterySample> Sample(Harness h)
    {
        var reading = await h.Site.Battery!.ReadAsync(Harness.Ct);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
        return reading.Value;
    }
}
