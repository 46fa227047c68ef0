using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class RangeTests
{
    private const string TwoMoreChargers = """
          - id: carport
            protocol: generic
            broker: local
            device_id: carport
            phases: 1
            max_current_a: 16
          - id: visitor
            protocol: generic
            broker: local
            device_id: visitor
            phases: 3
            max_current_a: 80

        """;

    [Fact]
    public void A_charger_current_above_32_A_names_the_chargepoint_limit()
    {
        var error = SingleError(Valid + TwoMoreChargers);

        AssertError(error, 40, 20, "chargers[2].max_current_a", "80 is above the chargepoint limit 32");
        Assert.Equal("test.yaml:40:20: chargers[2].max_current_a: 80 is above the chargepoint limit 32", error.ToString());
    }

    [Fact]
    public void A_value_below_the_minimum_is_reported()
    {
        var error = SingleError(With("      unit: 1", "      unit: 0"));

        AssertError(error, 16, 13, "meters[0].modbus.unit", "0 is below the minimum 1");
    }

    [Fact]
    public void A_value_above_the_maximum_is_reported()
    {
        var error = SingleError(With("  voltage_v: 230", "  voltage_v: 500"));

        AssertError(error, 8, 14, "grid.voltage_v", "500 is above the maximum 400");
    }

    [Fact]
    public void A_hex_unit_above_247_is_reported_as_written()
    {
        var error = SingleError(With("      unit: 1", "      unit: 0x100"));

        AssertError(error, 16, 13, "meters[0].modbus.unit", "0x100 is above the maximum 247");
    }

    [Fact]
    public void Zero_where_a_positive_value_is_needed_is_reported()
    {
        var error = SingleError(With("  max_current_a: 25", "  max_current_a: 0"));

        AssertError(error, 9, 18, "grid.max_current_a", "0 must be greater than 0");
    }

    [Fact]
    public void A_charging_current_below_6_A_names_the_IEC_61851_minimum()
    {
        var error = SingleError(Valid + "    min_current_a: 5\n");

        AssertError(error, 29, 20, "chargers[0].min_current_a", "5 is below the IEC 61851 minimum 6");
    }

    [Fact]
    public void The_maximum_current_must_not_be_below_the_minimum_current()
    {
        var error = SingleError(With("    max_current_a: 16", "    min_current_a: 10\n    max_current_a: 8"));

        AssertError(error, 29, 20, "chargers[0].max_current_a", "8 is below min_current_a 10");
    }

    [Fact]
    public void A_poll_interval_below_100_ms_is_reported()
    {
        var error = SingleError(With("    role: grid", "    role: grid\n    interval: 50ms"));

        AssertError(error, 14, 15, "meters[0].interval", "50ms is below the minimum 100ms");
    }

    [Fact]
    public void The_setpoint_ttl_must_cover_two_control_intervals()
    {
        var error = SingleError(Valid + "control:\n  interval: 2s\n  setpoint_ttl: 3s\n");

        AssertError(error, 31, 17, "control.setpoint_ttl", "3s is below the minimum 4s");
    }

    [Fact]
    public void A_state_of_charge_above_1_is_reported()
    {
        var yaml = Valid + """
            battery:
              capacity_wh: 10000
              max_charge_w: 5000
              max_discharge_w: 5000
              max_soc: 1.5

            """;

        var error = SingleError(yaml);

        AssertError(error, 33, 12, "battery.max_soc", "1.5 is above the maximum 1");
    }

    [Fact]
    public void A_3_phase_charger_on_a_1_phase_grid_is_reported()
    {
        var error = SingleError(With("grid:\n  phases: 3", "grid:\n  phases: 1"));

        AssertError(error, 27, 13, "chargers[0].phases", "a 3-phase charger cannot be connected to a 1-phase grid (grid.phases is 1)");
    }

    [Fact]
    public void Discharging_needs_a_bidirectional_charger()
    {
        var error = SingleError(Valid + "    max_discharge_w: 3000\n");

        AssertError(error, 29, 22, "chargers[0].max_discharge_w", "max_discharge_w above 0 needs bidirectional: true");
    }

    [Fact]
    public void A_bidirectional_charger_may_discharge()
    {
        var config = Load(Valid + "    bidirectional: true\n    max_discharge_w: 3000\n");

        Assert.True(config.Site.ChargePoints[0].Bidirectional);
        Assert.Equal(3000, config.Site.ChargePoints[0].MaxDischarge.Watts);
    }
}
