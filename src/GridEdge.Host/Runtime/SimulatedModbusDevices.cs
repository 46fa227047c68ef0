using System.Net;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using GridEdge.Simulation;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// The simulation's meters and battery behind real Modbus TCP servers on loopback: each device
/// marked <c>simulated: true</c> with a <c>modbus:</c> block is served at its endpoint and unit in
/// its profile's register map (fixed map, or a SunSpec model chain for inverters), refreshed every
/// cycle, so the gateway reads it through its own Modbus stack exactly as it would a real one. A
/// battery's setpoint register takes client writes, which reach the simulated battery on refresh.
/// </summary>
internal sealed class SimulatedModbusDevices(TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    /// <summary>SunSpec three-phase inverter model served for simulated inverters.</summary>
    private const int InverterModel = 103;

    private readonly Dictionary<string, ModbusDataMap> _maps = new(StringComparer.Ordinal);
    private readonly List<ModbusTcpServer> _servers = [];
    private readonly List<(IMeter Source, ModbusUnit Unit, DeviceLayout Layout)> _served = [];
    private readonly List<ServedBattery> _batteries = [];
    private Voltage _voltage;

    public void Add(MeterDefinition meter, ModbusConnection modbus, DeviceProfile profile, IMeter source)
    {
        var unit = NewUnit(modbus, meter.Id);
        var layout = profile.Discovery == Discovery.SunSpec
            ? RegisterImage.CreateSunSpec(unit, profile, [InverterModel], serial: meter.Id)
            : RegisterImage.CreateFixed(unit, profile);
        _served.Add((source, unit, layout));
    }

    /// <summary>
    /// Serves <paramref name="source"/> in <paramref name="profile"/>'s fixed map (it must have a
    /// writable power setpoint); its power limits are written once, the setpoint starts at zero.
    /// </summary>
    public void AddBattery(BatteryDefinition battery, ModbusConnection modbus, DeviceProfile profile, SimulatedBattery source)
    {
        ArgumentNullException.ThrowIfNull(battery);
        ArgumentNullException.ThrowIfNull(profile);
        BatteryProfile.Require(profile, battery.Id);
        if (profile.Discovery != Discovery.Fixed)
        {
            throw new DeviceProfileException($"profile {profile.Name} places its points by SunSpec discovery; a simulated battery is served in a fixed map such as gridedge-battery");
        }

        var unit = NewUnit(modbus, battery.Id);
        unit.HoldingRegisters.AcceptsWrites = true; // the gateway writes the setpoint here
        var layout = RegisterImage.CreateFixed(unit, profile);
        RegisterImage.Write(unit, layout, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Quantities.PowerSetpoint] = 0,
            ["max_charge_power_w"] = battery.MaxChargePower.Watts,
            ["max_discharge_power_w"] = battery.MaxDischargePower.Watts,
        });
        _batteries.Add(new ServedBattery(source, unit, layout));
    }

    public void Start(Voltage voltage)
    {
        _voltage = voltage;
        foreach (var (endpoint, map) in _maps)
        {
            var uri = new Uri(endpoint);
            var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, uri.Port), map, time, loggers.CreateLogger("GridEdge.Simulation.Modbus"));
            server.Start();
            _servers.Add(server);
        }
    }

    /// <summary>Hands setpoints clients wrote to the simulation, then copies its present values into the register tables.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var (source, unit, layout) in _served)
        {
            var reading = await source.ReadAsync(cancellationToken);
            RegisterImage.Write(unit, layout, MeterValues.From(reading.Value, _voltage));
        }

        foreach (var battery in _batteries)
        {
            await battery.RefreshAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The tables of a unit no other served device uses: two devices on one unit would overwrite each other.</summary>
    private ModbusUnit NewUnit(ModbusConnection modbus, string deviceId)
    {
        if (!_maps.TryGetValue(modbus.Endpoint, out var map))
        {
            map = new ModbusDataMap();
            _maps[modbus.Endpoint] = map;
        }

        return map.Find(modbus.Unit) is null
            ? map.Unit(modbus.Unit)
            : throw new ArgumentException($"'{deviceId}': unit {modbus.Unit} on {modbus.Endpoint} already serves another simulated device", nameof(modbus));
    }
}
