using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

/// <summary>Optional sections and defaults map to the settings types.</summary>
public sealed class SectionMappingTests
{
    [Fact]
    public void Absent_optional_sections_take_their_defaults()
    {
        var config = Load(Valid);

        Assert.Equal(new Uri("http://127.0.0.1:8080"), config.Api.Url);
        Assert.Equal(new ControlSettings(), config.Site.Control);
        Assert.Null(config.Telemetry.Influx);
        Assert.Equal(new SpoolSettings(), config.Telemetry.Spool);
        Assert.Null(config.Simulation);
        Assert.Null(config.Site.Pv);
        Assert.Null(config.Site.Battery);
        Assert.Equal(TimeSpan.FromSeconds(1), config.Site.Meters[0].PollInterval);
        Assert.Equal("gridedge/charger", config.Site.ChargePoints[0].Prefix);
        Assert.Equal(230, config.Site.ChargePoints[0].Voltage.Volts);
        Assert.Equal(SiteYaml.FileName, config.SourcePath);
    }

    [Fact]
    public void The_control_section_maps_to_control_settings()
    {
        var config = Load(Valid + """
            control:
              interval: 500ms
              reserve_w: 250
              failsafe:
                stale_after: 5s
                action: off
                charger_stale_after: 20s
              enable_delay: 45s
              disable_delay: 5m
              enable_threshold_w: 200
              disable_threshold_w: 300
              deadband_a: 1
              ramp_up_a_per_s: 4
              phase_switch_delay: 3m
              phase_switch_pause: 1m
              setpoint_ttl: 15s

            """);

        var control = config.Site.Control;
        Assert.Equal(TimeSpan.FromMilliseconds(500), control.Interval);
        Assert.Equal(250, control.Reserve.Watts);
        Assert.Equal(TimeSpan.FromSeconds(5), control.StaleAfter);
        Assert.Equal(FailSafeAction.Off, control.FailSafeAction);
        Assert.Equal(TimeSpan.FromSeconds(20), control.ChargerStaleAfter);
        Assert.Equal(TimeSpan.FromSeconds(45), control.EnableDelay);
        Assert.Equal(TimeSpan.FromMinutes(5), control.DisableDelay);
        Assert.Equal((200.0, 300.0), (control.EnableThreshold.Watts, control.DisableThreshold.Watts));
        Assert.Equal((1.0, 4.0), (control.Deadband.Amperes, control.RampUpPerSecond.Amperes));
        Assert.Equal((TimeSpan.FromMinutes(3), TimeSpan.FromMinutes(1)), (control.PhaseSwitchDelay, control.PhaseSwitchPause));
        Assert.Equal(TimeSpan.FromSeconds(15), control.SetpointTtl);
    }

    [Fact]
    public void Battery_and_pv_sections_map_to_the_domain()
    {
        var yaml = With("mqtt:\n", "  - id: pv\n    role: pv\n    modbus: { endpoint: tcp://127.0.0.1:5020, unit: 3, profile: sunspec }\n"
            + "  - id: battery\n    role: battery\n    modbus: { endpoint: \"rtu:///dev/ttyUSB0?baud=9600\", unit: 0x0a, profile: sunspec }\nmqtt:\n")
            + "pv:\n  peak_w: 7500\n  meter: pv\n"
            + "battery:\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n  min_soc: 0.1\n  max_soc: 0.9\n  meter: battery\n";

        var site = Load(yaml).Site;

        Assert.Equal((7500.0, "pv"), (site.Pv!.PeakPower.Watts, site.Pv.MeterId));
        var battery = site.Battery!;
        Assert.Equal((10000.0, 5000.0, 4000.0), (battery.Capacity.WattHours, battery.MaxChargePower.Watts, battery.MaxDischargePower.Watts));
        Assert.Equal((0.1, 0.9, "battery"), (battery.MinStateOfCharge, battery.MaxStateOfCharge, battery.MeterId));
        Assert.Equal(new ModbusConnection("rtu:///dev/ttyUSB0?baud=9600", 10, "sunspec"), site.Meters[2].Connection);
    }

    [Fact]
    public void A_battery_with_a_modbus_block_is_controlled_through_it()
    {
        var site = Load(Valid + "battery:\n  id: house-battery\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n"
            + "  charge_efficiency: 0.96\n  discharge_efficiency: 0.94\n  cycle_cost_per_kwh: 3\n"
            + "  modbus: { endpoint: tcp://127.0.0.1:15030, unit: 1, profile: gridedge-battery }\n").Site;

        var battery = site.Battery!;
        Assert.Equal("house-battery", battery.Id);
        Assert.Equal((0.96, 0.94, 3.0), (battery.ChargeEfficiency, battery.DischargeEfficiency, battery.CycleCostPerKwh));
        Assert.Equal(new ModbusConnection("tcp://127.0.0.1:15030", 1, "gridedge-battery"), battery.Connection);
        Assert.False(battery.Simulated);
    }

    [Fact]
    public void A_battery_without_a_connection_is_only_described()
    {
        var battery = Load(Valid + "battery:\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n").Site.Battery!;

        Assert.Null(battery.Connection);
        Assert.Equal(("battery", 0.95, 0.95, 0.0), (battery.Id, battery.ChargeEfficiency, battery.DischargeEfficiency, battery.CycleCostPerKwh));
    }

    [Fact]
    public void A_simulated_battery_needs_a_simulation_section()
    {
        var error = SingleError(Valid + "battery:\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n  simulated: true\n");

        Assert.Equal("battery.simulated", error.Path);
        Assert.Contains("simulation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_efficiency_above_one_is_reported()
    {
        var error = SingleError(Valid + "battery:\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n  charge_efficiency: 1.2\n");

        Assert.Equal("battery.charge_efficiency", error.Path);
        Assert.Contains("1.2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_minimum_state_of_charge_must_be_below_the_maximum()
    {
        var error = SingleError(Valid + "battery:\n  capacity_wh: 10000\n  max_charge_w: 5000\n  max_discharge_w: 4000\n  min_soc: 0.8\n  max_soc: 0.5\n");

        AssertError(error, 34, 12, "battery.max_soc", "max_soc 0.5 must be above min_soc 0.8");
    }

    [Fact]
    public void An_embedded_broker_listens_on_its_port()
    {
        var config = Load(With("      url: mqtt://127.0.0.1:1883", "      embedded: true\n      port: 11883\n      client_id: gw"));

        var broker = Assert.Single(config.MqttBrokers);
        Assert.True(broker.Embedded);
        Assert.Null(broker.Url);
        Assert.Equal((11883, "gw"), (broker.Port, broker.ClientId));
    }

    [Fact]
    public void A_port_beside_a_url_is_reported()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883", "      url: mqtt://127.0.0.1:1883\n      port: 1884"));

        AssertError(error, 22, 13, "mqtt.brokers[0].port", "port is only used with embedded: true; put the port in the url");
    }

    [Theory]
    [InlineData("512MB", 512_000_000L)]
    [InlineData("512MiB", 536_870_912L)]
    [InlineData("1.5 GiB", 1_610_612_736L)]
    [InlineData("64KB", 64_000L)]
    [InlineData("1000000", 1_000_000L)]
    public void Spool_sizes_accept_bytes_and_units(string text, long bytes)
    {
        var config = Load(Valid + $"telemetry:\n  spool:\n    path: /var/lib/gridedge/spool\n    max_bytes: {text}\n");

        Assert.Equal(new SpoolSettings { Path = "/var/lib/gridedge/spool", MaxBytes = bytes }, config.Telemetry.Spool);
    }

    [Fact]
    public void A_spool_size_without_a_number_is_reported()
    {
        var error = SingleError(Valid + "telemetry:\n  spool:\n    max_bytes: lots\n");

        AssertError(error, 31, 16, "telemetry.spool.max_bytes",
            "expected a size (bytes, or a size with KB, MB, GB, KiB, MiB or GiB such as 512MB), got 'lots'");
    }

    [Fact]
    public void Influx_version_2_maps_org_and_bucket()
    {
        var config = Load(Valid + "telemetry:\n  influx:\n    url: https://influx.example:8086\n    version: 2\n    org: home\n    bucket: gridedge\n");

        var influx = config.Telemetry.Influx!;
        Assert.Equal((2, "home", "gridedge", (string?)null), (influx.Version, influx.Org, influx.Bucket, influx.Database));
    }

    [Fact]
    public void Simulation_defaults_take_the_site_pv_peak()
    {
        var config = Load(Valid + "pv:\n  peak_w: 6000\nsimulation:\n  seed: 3\n");

        var simulation = config.Simulation!;
        Assert.Equal(6000, simulation.Pv.Peak.Watts);
        Assert.Equal(3, simulation.Seed);
        Assert.Null(simulation.StartTime);
        Assert.Empty(simulation.Vehicles);
    }

    [Fact]
    public void Sunset_must_be_after_sunrise()
    {
        var error = SingleError(Valid + "simulation:\n  pv:\n    peak_w: 5000\n    sunrise: \"18:00\"\n    sunset: \"06:00\"\n");

        AssertError(error, 33, 13, "simulation.pv.sunset", "sunset 06:00 is not after sunrise 18:00");
    }

    [Fact]
    public void Grid_phase_is_only_for_single_phase_chargers()
    {
        var error = SingleError(Valid + "    grid_phase: 2\n");

        AssertError(error, 29, 17, "chargers[0].grid_phase", "grid_phase is only meaningful for a 1-phase charger on a 3-phase grid");
    }

    [Fact]
    public void Phase_switching_needs_a_3_phase_charger()
    {
        var error = SingleError(With("    phases: 3", "    phases: 1\n    phase_switching: true"));

        AssertError(error, 28, 22, "chargers[0].phase_switching", "phase_switching needs phases: 3");
    }

    [Fact]
    public void A_prefix_is_only_for_the_generic_protocol()
    {
        var error = SingleError(With("    protocol: generic", "    protocol: go-e\n    prefix: go-eCharger"));

        AssertError(error, 25, 13, "chargers[0].prefix", "prefix is only used with protocol generic, not go-e");
    }
}
