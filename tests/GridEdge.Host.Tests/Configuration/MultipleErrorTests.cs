using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class MultipleErrorTests
{
    [Fact]
    public void Every_error_of_a_file_is_reported_at_once_in_file_order()
    {
        var yaml = Replace(Replace(Replace(Replace(
            With("  voltage_v: 230", "  voltage_v: 500"),
            "  meter: grid", "  meter: gridx"),
            "      unit: 1", "      unit: 0"),
            "    broker: local", "    broker: remote"),
            "    max_current_a: 16", "    max_curent_a: 16") + "    mode: fast\n";

        var errors = Errors(yaml).Select(e => e.ToString()).ToList();

        Assert.Equal(
            [
                "test.yaml:8:14: grid.voltage_v: 500 is above the maximum 400",
                "test.yaml:10:10: grid.meter: 'gridx' is not a meter id (known: grid)",
                "test.yaml:16:13: meters[0].modbus.unit: 0 is below the minimum 1",
                "test.yaml:23:5: chargers[0].max_current_a: required key 'max_current_a' is missing",
                "test.yaml:25:13: chargers[0].broker: 'remote' is not a broker id (known: local)",
                "test.yaml:28:5: chargers[0].max_curent_a: unknown key 'max_curent_a' (did you mean 'max_current_a'?)",
                "test.yaml:29:11: chargers[0].mode: 'fast' is not one of: off, now, solar, minsolar, v2h, plan",
            ],
            errors);
    }

    [Fact]
    public void A_duplicate_key_does_not_hide_the_other_errors()
    {
        var errors = Errors(With("  voltage_v: 230", "  voltage_v: 230\n  voltage_v: 240") + "    priority: 101\n");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 9, 3, "grid.voltage_v", "duplicate key 'voltage_v' (first defined at line 8)");
        AssertError(errors[1], 30, 15, "chargers[0].priority", "101 is above the maximum 100");
    }
}
