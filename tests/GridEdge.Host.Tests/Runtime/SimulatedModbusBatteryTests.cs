using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Host.Runtime;
using GridEdge.Modbus;
using GridEdge.Simulation;
using GridEdge.Simulation.Settings;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>The simulated battery behind our Modbus server: client writes reach it on refresh, its state shows in the registers.</summary>
public sealed class SimulatedModbusBatteryTests
{
    private const byte Unit = 2;

    private static readonly DeviceProfiles Profiles = DeviceProfiles.Load(Path.Combine(RepoPaths.FirmwareConfigDir, "devices"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_written_setpoint_reaches_the_battery_on_refresh_and_its_state_fills_the_registers()
    {
        await using var served = await Served.StartAsync();
        using var client = served.Client();
        Assert.Equal([600, 0, 0, 0, 5000, 0, 4000], await client.ReadHoldingRegistersAsync(Unit, 0, 7, Ct)); // 60.0 %, 0 W, limits

        await client.WriteMultipleRegistersAsync(Unit, 10, [0xFFFF, 0xF830], Ct); // −2000 W, int32 high word first
        Assert.Equal(Power.Zero, served.Battery.Commanded);
        await served.Devices.RefreshAsync(Ct);
        Assert.Equal(new Power(-2000), served.Battery.Commanded);

        served.Time.Advance(TimeSpan.FromSeconds(60));
        served.Site.Advance();
        await served.Devices.RefreshAsync(Ct);

        var sample = (await served.Battery.ReadAsync(Ct)).Value;
        var registers = await client.ReadHoldingRegistersAsync(Unit, 0, 3, Ct);
        Assert.True(sample.StateOfCharge < 0.6, $"SoC {sample.StateOfCharge} did not fall");
        Assert.Equal((ushort)Math.Round(sample.StateOfCharge * 1000), registers[0]);
        Assert.Equal([0xFFFF, 0xF830], registers[1..]);
    }

    [Fact]
    public async Task The_gateways_battery_driver_commands_the_simulated_battery_through_the_server()
    {
        await using var served = await Served.StartAsync();
        using var client = served.Client();
        var driver = new ModbusBattery("battery", Unit, Profiles.Get("gridedge-battery"), client, TimeProvider.System, NullLogger.Instance);

        await driver.SetPowerAsync(new Power(1500), Ct);
        await served.Devices.RefreshAsync(Ct);
        served.Time.Advance(TimeSpan.FromSeconds(1));
        served.Site.Advance();
        await served.Devices.RefreshAsync(Ct);
        var reading = await driver.ReadAsync(Ct);

        Assert.Equal(1500, reading.Value.Power.Watts);
        Assert.Equal(0.6, reading.Value.StateOfCharge, 1e-9); // the first second still held 0 W
        Assert.Equal(served.Site.GridPower, served.Site.HousePower + new Power(1500) - served.Site.PvPower);
    }

    [Fact]
    public async Task A_profile_without_a_writable_setpoint_is_not_served_as_a_battery()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        var site = new SimulatedSite(Served.SiteWith("tcp://127.0.0.1:1502"), Served.Settings, time);
        await using var devices = new SimulatedModbusDevices(TimeProvider.System, NullLoggerFactory.Instance);

        var error = Assert.Throws<DeviceProfileException>(() => devices.AddBattery(
            site.Battery!.Definition, new ModbusConnection("tcp://127.0.0.1:1502", Unit, "eastron-sdm630"), Profiles.Get("eastron-sdm630"), site.Battery));

        Assert.Contains("profile eastron-sdm630", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A site with a simulated battery served on a free loopback port.</summary>
    private sealed class Served : IAsyncDisposable
    {
        public static readonly SimulationSettings Settings = new()
        {
            Pv = new SimulatedPvSettings { Peak = new(0) },
            House = new SimulatedHouseSettings(),
            BatteryStateOfCharge = 0.6,
        };

        private Served(string endpoint, FakeTimeProvider time, SimulatedSite site, SimulatedModbusDevices devices)
        {
            Endpoint = endpoint;
            Time = time;
            Site = site;
            Devices = devices;
        }

        public string Endpoint { get; }

        public FakeTimeProvider Time { get; }

        public SimulatedSite Site { get; }

        public SimulatedBattery Battery => Site.Battery!;

        public SimulatedModbusDevices Devices { get; }

        public static SiteDefinition SiteWith(string endpoint) => TestSites.Site([]) with
        {
            Battery = new BatteryDefinition
            {
                Capacity = Energy.FromKilowattHours(10),
                MaxChargePower = new(5000),
                MaxDischargePower = new(4000),
                Connection = new ModbusConnection(endpoint, Unit, "gridedge-battery"),
                Simulated = true,
            },
        };

        public static async Task<Served> StartAsync()
        {
            var endpoint = $"tcp://127.0.0.1:{Peers.FreeTcpPort()}";
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
            var definition = SiteWith(endpoint);
            var site = new SimulatedSite(definition, Settings, time);
            site.Advance();
            var devices = new SimulatedModbusDevices(TimeProvider.System, NullLoggerFactory.Instance);
            devices.AddBattery(definition.Battery!, (ModbusConnection)definition.Battery!.Connection!, Profiles.Get("gridedge-battery"), site.Battery!);
            devices.Start(Voltage.Europe);
            await devices.RefreshAsync(Ct);
            return new Served(endpoint, time, site, devices);
        }

        public ModbusClient Client() => ModbusClient.Create(
            ModbusEndpoint.Parse(Endpoint), new ModbusClientOptions { RequestTimeout = TimeSpan.FromSeconds(1) }, TimeProvider.System, NullLogger.Instance);

        public ValueTask DisposeAsync() => Devices.DisposeAsync();
    }
}
