using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class MissingKeyTests
{
    [Fact]
    public void A_missing_key_is_reported_at_its_parent_mapping()
    {
        var error = SingleError(With("    device_id: evbar\n", ""));

        AssertError(error, 23, 5, "chargers[0].device_id", "required key 'device_id' is missing");
    }

    [Fact]
    public void A_missing_site_key_is_reported_at_the_site_section()
    {
        var error = SingleError(With("  currency: EUR\n", ""));

        AssertError(error, 2, 3, "site.currency", "required key 'currency' is missing");
    }

    [Fact]
    public void A_missing_section_is_reported_at_the_top_of_the_file()
    {
        var error = SingleError(With("grid:\n  phases: 3\n  voltage_v: 230\n  max_current_a: 25\n  meter: grid\n", ""));

        AssertError(error, 1, 1, "grid", "required key 'grid' is missing");
    }

    [Fact]
    public void A_meter_needs_modbus_or_simulated()
    {
        var error = SingleError(With("    modbus:\n      endpoint: tcp://127.0.0.1:5020\n      unit: 1\n      profile: eastron-sdm630\n", ""));

        AssertError(error, 12, 5, "meters[0].modbus", "required key 'modbus' is missing (or set simulated: true)");
    }

    [Fact]
    public void A_broker_needs_a_url_or_embedded()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883", "      client_id: gateway"));

        AssertError(error, 20, 7, "mqtt.brokers[0].url", "required key 'url' is missing (or set embedded: true)");
    }

    [Fact]
    public void A_simulated_charger_needs_no_broker_or_device_id()
    {
        var config = Load(With("    protocol: generic\n    broker: local\n    device_id: evbar\n", "    protocol: simulated\n") + "simulation: {}\n");

        Assert.Null(config.Site.ChargePoints[0].Broker);
        Assert.NotNull(config.Simulation);
    }

    [Fact]
    public void A_simulated_device_needs_a_simulation_section()
    {
        var error = SingleError(With("    protocol: generic\n    broker: local\n    device_id: evbar\n", "    protocol: simulated\n"));

        AssertError(error, 24, 15, "chargers[0].protocol", "protocol 'simulated' needs a 'simulation' section");
    }

    [Fact]
    public void Influx_version_1_needs_a_database()
    {
        var error = SingleError(Valid + "telemetry:\n  influx:\n    url: http://127.0.0.1:8086\n    version: 1\n");

        AssertError(error, 31, 5, "telemetry.influx.database", "required key 'database' is missing (needed with version 1)");
    }

    [Fact]
    public void Influx_version_2_does_not_use_a_database()
    {
        var errors = Errors(Valid + "telemetry:\n  influx:\n    url: http://127.0.0.1:8086\n    version: 2\n    database: x\n    org: home\n");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 31, 5, "telemetry.influx.bucket", "required key 'bucket' is missing (needed with version 2)");
        AssertError(errors[1], 33, 15, "telemetry.influx.database", "'database' is only used with version 1");
    }

    [Fact]
    public void An_empty_file_is_reported()
    {
        var error = SingleError("# nothing here\n");

        AssertError(error, 1, 1, "(root)", "the file is empty; a site file needs at least site, grid and meters");
    }
}
