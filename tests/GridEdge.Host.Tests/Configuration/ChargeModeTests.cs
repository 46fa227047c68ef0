using GridEdge.Domain.Site;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class ChargeModeTests
{
    [Fact]
    public void Plan_mode_needs_a_planning_section()
    {
        var error = SingleError(Valid + "    mode: plan\n");

        Assert.Equal("planning", error.Path);
        Assert.Contains("mode plan needs a planning section with latitude and longitude", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_mode_with_a_tariff_and_planning_settings()
    {
        var config = Load(Valid + """
                mode: plan
            tariff:
              import_price_per_kwh: 31
              export_price_per_kwh: 8
              time_of_use:
                - { from: "23:00", to: "07:00", import_price_per_kwh: 18 }
            planning:
              slot: 30m
              latitude: 35.45
              longitude: 139.63

            """);

        var site = config.Site;
        Assert.Equal(ChargeMode.Plan, site.ChargePoints[0].Mode);
        Assert.Equal(TimeSpan.FromMinutes(30), site.Planning!.Slot);
        Assert.Equal(TimeSpan.FromHours(24), site.Planning.Horizon);
        Assert.Equal(18, site.Tariff!.ImportAt(new TimeOnly(2, 0)).PerKilowattHour);
        Assert.Equal(31, site.Tariff.ImportAt(new TimeOnly(12, 0)).PerKilowattHour);
        Assert.Equal(8, site.Tariff.ExportPrice.PerKilowattHour);
        Assert.Equal(0, site.Planning.Co2PricePerKg);
    }

    [Fact]
    public void An_internal_carbon_price_for_the_planner()
    {
        var config = Load(Valid + """
                mode: plan
            planning:
              latitude: 35.45
              longitude: 139.63
              co2_price_per_kg: 0.08

            """);

        Assert.Equal(0.08, config.Site.Planning!.Co2PricePerKg, 9);
    }

    [Fact]
    public void A_demand_charge_with_the_peak_already_billed()
    {
        var config = Load(Valid + """
            tariff:
              import_price_per_kwh: 24
              demand_charge_per_kw: 1815
              billed_peak_w: 42000

            """);

        Assert.Equal(1815, config.Site.Tariff!.DemandChargePerKw);
        Assert.Equal(42, config.Site.Tariff.BilledPeak.Kilowatts, 9);
    }

    [Fact]
    public void A_negative_demand_charge_is_refused_where_it_stands()
    {
        var error = SingleError(Valid + """
            tariff:
              import_price_per_kwh: 24
              demand_charge_per_kw: -5

            """);

        Assert.Equal("tariff.demand_charge_per_kw", error.Path);
    }

    [Fact]
    public void V2h_needs_a_bidirectional_charger()
    {
        var error = SingleError(Valid + "    mode: v2h\n");

        AssertError(error, 29, 11, "chargers[0].mode", "mode v2h needs bidirectional: true and max_discharge_w");
    }

    [Fact]
    public void V2h_on_a_bidirectional_charger_with_its_limits()
    {
        var config = Load(Valid + "    bidirectional: true\n    max_discharge_w: 6000\n    mode: v2h\n    v2h_min_soc: 0.4\n");

        var charger = config.Site.ChargePoints[0];
        Assert.Equal((ChargeMode.V2h, 6000.0, 0.4, false), (charger.Mode, charger.MaxDischarge.Watts, charger.V2hMinStateOfCharge, charger.V2hExport));
    }

    [Fact]
    public void An_unknown_mode_lists_the_modes()
    {
        var error = SingleError(Valid + "    mode: fast\n");

        AssertError(error, 29, 11, "chargers[0].mode", "'fast' is not one of: off, now, solar, minsolar, v2h, plan");
    }

    [Theory]
    [InlineData("off", ChargeMode.Off)]
    [InlineData("now", ChargeMode.Now)]
    [InlineData("solar", ChargeMode.Solar)]
    [InlineData("minsolar", ChargeMode.MinSolar)]
    public void Modes_map_to_the_domain(string text, ChargeMode mode)
    {
        var config = Load(Valid + $"    mode: {text}\n");

        Assert.Equal(mode, config.Site.ChargePoints[0].Mode);
    }

    [Fact]
    public void Without_a_mode_a_charger_is_off()
    {
        Assert.Equal(ChargeMode.Off, Load(Valid).Site.ChargePoints[0].Mode);
    }
}
