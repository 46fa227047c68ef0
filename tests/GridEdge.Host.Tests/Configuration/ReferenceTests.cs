using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class ReferenceTests
{
    private const string Vehicle = """
        simulation:
          vehicles:
            - charger: garag
              arrive: "08:00"
              depart: "18:00"
              capacity_wh: 50000
              soc: 0.5

        """;

    [Fact]
    public void The_grid_meter_must_be_a_meter_id()
    {
        var error = SingleError(With("  meter: grid", "  meter: gridx"));

        AssertError(error, 10, 10, "grid.meter", "'gridx' is not a meter id (known: grid)");
    }

    [Fact]
    public void A_charger_broker_must_be_a_broker_id()
    {
        var error = SingleError(With("    broker: local", "    broker: remote"));

        AssertError(error, 25, 13, "chargers[0].broker", "'remote' is not a broker id (known: local)");
    }

    [Fact]
    public void A_charger_broker_without_any_mqtt_section_says_there_are_none()
    {
        var yaml = With("mqtt:\n  brokers:\n    - id: local\n      url: mqtt://127.0.0.1:1883\n", "");

        var error = SingleError(yaml);

        AssertError(error, 21, 13, "chargers[0].broker", "'local' is not a broker id (known: none)");
    }

    [Fact]
    public void The_pv_meter_must_be_a_meter_id()
    {
        var error = SingleError(Valid + "pv:\n  peak_w: 5000\n  meter: roof\n");

        AssertError(error, 31, 10, "pv.meter", "'roof' is not a meter id (known: grid)");
    }

    [Fact]
    public void The_pv_meter_must_have_role_pv()
    {
        var error = SingleError(Valid + "pv:\n  peak_w: 5000\n  meter: grid\n");

        AssertError(error, 31, 10, "pv.meter", "meter 'grid' has role grid, expected a meter with role pv");
    }

    [Fact]
    public void The_grid_meter_must_have_role_grid()
    {
        var error = SingleError(With("    role: grid", "    role: load"));

        AssertError(error, 10, 10, "grid.meter", "meter 'grid' has role load, expected a meter with role grid");
    }

    [Fact]
    public void A_vehicle_charger_must_be_a_charger_id()
    {
        var error = SingleError(Valid + Vehicle);

        AssertError(error, 31, 16, "simulation.vehicles[0].charger", "'garag' is not a charger id (known: garage)");
    }

    [Fact]
    public void A_vehicle_needs_a_simulated_charger()
    {
        var error = SingleError(Valid + Vehicle.Replace("garag", "garage", StringComparison.Ordinal));

        AssertError(error, 31, 16, "simulation.vehicles[0].charger",
            "charger 'garage' has protocol generic; a simulated vehicle needs a charger with protocol simulated or simulated: true");
    }

    [Fact]
    public void A_charger_has_at_most_one_vehicle()
    {
        var yaml = With("    protocol: generic\n    broker: local\n    device_id: evbar\n", "    protocol: simulated\n")
            + Vehicle.Replace("garag", "garage", StringComparison.Ordinal)
            + """
                - charger: garage
                  arrive: "19:00"
                  depart: "07:00"
                  capacity_wh: 40000
                  soc: 0.3

            """;

        var error = SingleError(yaml);

        AssertError(error, 34, 16, "simulation.vehicles[1].charger", "charger 'garage' already has a vehicle (first defined at line 29)");
    }
}
