using System.Net;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Site;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// The simulation's meters behind real Modbus TCP servers on loopback: each meter marked
/// <c>simulated: true</c> with a <c>modbus:</c> block is served at its endpoint and unit in its
/// profile's register map (fixed map, or a SunSpec model chain for inverters), refreshed every
/// cycle, so the gateway reads it through its own Modbus stack exactly as it would a real one.
/// </summary>
internal sealed class SimulatedModbusDevices(TimeProvider time, ILoggerFactory loggers) : IAsyncDisposable
{
    /// <summary>SunSpec three-phase inverter model served for simulated inverters.</summary>
    private const int InverterModel = 103;

    private readonly Dictionary<string, ModbusDataMap> _maps = new(StringComparer.Ordinal);
    private readonly List<ModbusTcpServer> _servers = [];
    private readonly List<(IMeter Source, ModbusUnit Unit, DeviceLayout Layout)> _served = [];
    private Domain.Units.Voltage _voltage;

    public void Add(MeterDefinition meter, ModbusConnection modbus, DeviceProfile profile, IMeter source)
    {
        if (!_maps.TryGetValue(modbus.Endpoint, out var map))
        {
            map = new ModbusDataMap();
            _maps[modbus.Endpoint] = map;
        }

        var unit = map.Unit(modbus.Unit);
        var layout = profile.Discovery == Discovery.SunSpec
            ? RegisterImage.CreateSunSpec(unit, profile, [InverterModel], serial: meter.Id)
            : RegisterImage.CreateFixed(unit, profile);
        _served.Add((source, unit, layout));
    }

    public void Start(Domain.Units.Voltage voltage)
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

    /// <summary>Copies the simulation's present values into the register tables.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        foreach (var (source, unit, layout) in _served)
        {
            var reading = await source.ReadAsync(cancellationToken);
            RegisterImage.Write(unit, layout, MeterValues.From(reading.Value, _voltage));
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }
}
