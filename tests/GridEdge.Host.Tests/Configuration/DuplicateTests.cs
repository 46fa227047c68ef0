using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class DuplicateTests
{
    [Fact]
    public void Duplicate_meter_ids_are_reported_at_the_second()
    {
        var yaml = With("mqtt:\n", "  - id: grid\n    role: pv\n    modbus: { endpoint: tcp://127.0.0.1:5020, unit: 2, profile: sunspec }\nmqtt:\n");

        var error = SingleError(yaml);

        AssertError(error, 18, 9, "meters[1].id", "duplicate id 'grid' (first defined at line 12)");
    }

    [Fact]
    public void Duplicate_charger_ids_are_reported_at_the_second()
    {
        var yaml = Valid + """
              - id: garage
                protocol: go-e
                broker: local
                device_id: "012345"
                phases: 1
                max_current_a: 32

            """;

        var error = SingleError(yaml);

        AssertError(error, 29, 9, "chargers[1].id", "duplicate id 'garage' (first defined at line 23)");
    }

    [Fact]
    public void Duplicate_broker_ids_are_reported_at_the_second()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883\n", "      url: mqtt://127.0.0.1:1883\n    - id: local\n      embedded: true\n"));

        AssertError(error, 22, 11, "mqtt.brokers[1].id", "duplicate id 'local' (first defined at line 20)");
    }

    [Fact]
    public void A_key_written_twice_in_one_mapping_is_reported()
    {
        var error = SingleError(Valid + "    phases: 1\n");

        AssertError(error, 29, 5, "chargers[0].phases", "duplicate key 'phases' (first defined at line 27)");
    }

    [Fact]
    public void A_section_written_twice_is_reported_and_the_rest_still_checked()
    {
        var errors = Errors(Valid + "site:\n  id: other\n" + "api:\n  url: ftp://x:1\n");

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 29, 1, "site", "duplicate key 'site' (first defined at line 1)");
        AssertError(errors[1], 32, 8, "api.url", "'ftp://x:1' is not an absolute http or https URL");
    }
}
