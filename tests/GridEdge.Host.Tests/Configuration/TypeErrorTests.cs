using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class TypeErrorTests
{
    [Fact]
    public void A_word_where_a_number_belongs_is_reported_at_the_value()
    {
        var error = SingleError(With("  voltage_v: 230", "  voltage_v: abc"));

        AssertError(error, 8, 14, "grid.voltage_v", "expected a number, got 'abc'");
    }

    [Fact]
    public void A_word_where_an_integer_belongs_is_reported()
    {
        var error = SingleError(With("      unit: 1", "      unit: one"));

        AssertError(error, 16, 13, "meters[0].modbus.unit", "expected an integer, got 'one'");
    }

    [Fact]
    public void A_fraction_where_an_integer_belongs_is_reported()
    {
        var error = SingleError(With("      unit: 1", "      unit: 1.5"));

        AssertError(error, 16, 13, "meters[0].modbus.unit", "expected an integer, got '1.5'");
    }

    [Fact]
    public void Yes_is_not_a_boolean()
    {
        var error = SingleError(Valid + "    bidirectional: yes\n");

        AssertError(error, 29, 20, "chargers[0].bidirectional", "expected true or false, got 'yes'");
    }

    [Fact]
    public void A_scalar_where_a_section_belongs_is_reported()
    {
        var error = SingleError(Valid + "pv: 9000\n");

        AssertError(error, 29, 5, "pv", "expected a mapping, got '9000'");
    }

    [Fact]
    public void A_scalar_where_a_list_belongs_is_reported()
    {
        var error = SingleError(Valid + "simulation:\n  vehicles: garage\n");

        AssertError(error, 30, 13, "simulation.vehicles", "expected a list, got 'garage'");
    }

    [Fact]
    public void A_duration_without_unit_is_reported_with_the_syntax()
    {
        var error = SingleError(Valid + "control:\n  interval: 1000\n");

        AssertError(error, 30, 13, "control.interval",
            "expected a duration, got '1000'; use a number with unit ms, s, m, h or d (e.g. 500ms, 20s, 5m, 2h, 1d)");
    }

    [Fact]
    public void A_time_of_day_must_be_hours_and_minutes()
    {
        var error = SingleError(Valid + "simulation:\n  start_time: half past ten\n");

        AssertError(error, 30, 15, "simulation.start_time", "expected a time of day as HH:mm, got 'half past ten'");
    }

    [Fact]
    public void A_keyword_outside_its_set_lists_the_allowed_ones()
    {
        var error = SingleError(With("    role: grid", "    role: mains"));

        AssertError(error, 13, 11, "meters[0].role", "'mains' is not one of: grid, pv, battery, load");
    }

    [Fact]
    public void Two_phases_is_not_a_phase_count()
    {
        var error = SingleError(With("grid:\n  phases: 3", "grid:\n  phases: 2"));

        AssertError(error, 7, 11, "grid.phases", "2 is not one of: 1, 3");
    }

    [Fact]
    public void A_site_id_must_be_lower_case()
    {
        var error = SingleError(With("  id: test", "  id: Test"));

        AssertError(error, 2, 7, "site.id", "'Test' does not match ^[a-z0-9-]+$ (lower-case letters, digits and '-')");
    }

    [Fact]
    public void A_currency_is_three_upper_case_letters()
    {
        var error = SingleError(With("  currency: EUR", "  currency: euro"));

        AssertError(error, 5, 13, "site.currency", "'euro' does not match ^[A-Z]{3}$ (three upper-case letters, e.g. JPY or EUR)");
    }

    [Fact]
    public void An_unknown_time_zone_is_reported()
    {
        var error = SingleError(With("  timezone: Europe/Berlin", "  timezone: Europe/Springfield"));

        AssertError(error, 4, 13, "site.timezone",
            "'Europe/Springfield' is not a known time zone (use an IANA name such as Asia/Tokyo or Europe/Berlin)");
    }

    [Fact]
    public void A_required_key_without_value_is_reported_at_the_key()
    {
        var error = SingleError(With("  name: Test site", "  name:"));

        AssertError(error, 3, 3, "site.name", "required key 'name' has no value");
    }

    [Fact]
    public void An_api_url_needs_an_explicit_port()
    {
        var error = SingleError(Valid + "api:\n  url: http://localhost\n");

        AssertError(error, 30, 8, "api.url", "'http://localhost' needs an explicit port, e.g. http://127.0.0.1:8080");
    }

    [Fact]
    public void A_broker_url_must_be_mqtt()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883", "      url: http://127.0.0.1:1883"));

        AssertError(error, 21, 12, "mqtt.brokers[0].url", "'http://127.0.0.1:1883' is not an absolute mqtt or mqtts URL");
    }
}
