using GridEdge.Domain.Site;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

/// <summary>`simulated: true` on real-protocol devices: the simulation plays the hardware, the gateway uses the real protocol.</summary>
public sealed class SimulatedHardwareTests
{
    private const string Simulation = """
        simulation:
          vehicles:
            - charger: garage
              arrive: "08:00"
              depart: "18:00"
              capacity_wh: 50000
              soc: 0.5

        """;

    [Fact]
    public void A_modbus_meter_and_an_mqtt_charger_can_be_played_by_the_simulation()
    {
        var yaml = With("      profile: eastron-sdm630\n", "      profile: eastron-sdm630\n    simulated: true\n")
            .Replace("    device_id: evbar\n", "    device_id: evbar\n    simulated: true\n", StringComparison.Ordinal) + Simulation;

        var site = Load(yaml).Site;

        var meter = Assert.Single(site.Meters);
        Assert.True(meter.Simulated);
        Assert.Equal(new ModbusConnection("tcp://127.0.0.1:5020", 1, "eastron-sdm630"), meter.Connection);
        var charger = Assert.Single(site.ChargePoints);
        Assert.True(charger.Simulated);
        Assert.Equal("generic", charger.Protocol);
    }

    [Fact]
    public void A_real_meter_and_charger_are_not_simulated()
    {
        var site = Load(Valid).Site;

        Assert.False(Assert.Single(site.Meters).Simulated);
        Assert.False(Assert.Single(site.ChargePoints).Simulated);
    }

    [Fact]
    public void The_simulation_plays_only_generic_and_go_e_chargers()
    {
        var yaml = With("    protocol: generic\n", "    protocol: openwb\n")
            .Replace("    device_id: evbar\n", "    device_id: evbar\n    simulated: true\n", StringComparison.Ordinal) + Simulation;

        var error = Assert.Single(Errors(yaml), e => e.Path == "chargers[0].simulated");

        Assert.Equal("the simulation plays generic and go-e chargers, not openwb", error.Message);
    }

    [Fact]
    public void Simulated_hardware_needs_a_simulation_section()
    {
        var yaml = With("    device_id: evbar\n", "    device_id: evbar\n    simulated: true\n");

        var error = SingleError(yaml);

        Assert.Equal("chargers[0].simulated", error.Path);
        Assert.Contains("needs a 'simulation' section", error.Message, StringComparison.Ordinal);
    }
}
