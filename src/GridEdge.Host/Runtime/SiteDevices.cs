using GridEdge.Devices.Modbus;
using GridEdge.Devices.Mqtt;
using GridEdge.Devices.Profiles;
using GridEdge.Modbus;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Simulation;
using GridEdge.Simulation.Mqtt;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Host.Runtime;

/// <summary>
/// The devices of a site, connected: a driver per meter and chargepoint, the MQTT connections they
/// share (one per broker), the embedded broker if the site asks for one, and the simulation with
/// the chargers it plays on MQTT.
/// </summary>
internal sealed class SiteDevices : IAsyncDisposable
{
    /// <summary>How long start-up waits for each broker before control runs without it.</summary>
    private static readonly TimeSpan BrokerStartWait = TimeSpan.FromSeconds(5);

    private readonly SiteConfiguration _configuration;
    private readonly TimeProvider _time;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _simulationLogger;
    private readonly Dictionary<string, MqttConnection> _connections = new(StringComparer.Ordinal);
    private readonly List<MqttChargePoint> _mqttChargePoints = [];
    private readonly List<SimulatedChargerEndpoint> _endpoints = [];
    private readonly List<EmbeddedMqttBroker> _brokers = [];
    private readonly List<ModbusMeter> _modbusMeters = [];
    private SimulatedModbusDevices? _modbusSimulation;
    private ModbusBuses? _buses;
    private DeviceProfiles? _profiles;

    private SiteDevices(SiteConfiguration configuration, TimeProvider time, ILoggerFactory loggers, SimulatedSite? simulation)
    {
        _configuration = configuration;
        _time = time;
        _loggers = loggers;
        _simulationLogger = loggers.CreateLogger("GridEdge.Simulation");
        Simulation = simulation;
    }

    public SimulatedSite? Simulation { get; }

    public Dictionary<string, IMeter> Meters { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, IChargePoint> ChargePoints { get; } = new(StringComparer.Ordinal);

    /// <summary>The site battery's driver, when the gateway controls one.</summary>
    public IBattery? Battery { get; private set; }

    public IReadOnlyCollection<MqttConnection> Connections => _connections.Values;

    /// <summary>The connection the gateway's MQTT API uses (the first broker), if the site has brokers.</summary>
    public MqttConnection? ApiConnection { get; private set; }

    /// <summary>The connection to the broker with id <paramref name="brokerId"/> (every broker a device or a schedule uses has one).</summary>
    public MqttConnection ConnectionTo(string brokerId) => _connections[brokerId];

    /// <summary>The MQTT charger drivers (for lockstep runs that wait for delivery).</summary>
    internal IReadOnlyList<MqttChargePoint> MqttChargePoints => _mqttChargePoints;

    /// <summary>The simulated chargers on MQTT (for lockstep runs that wait for delivery).</summary>
    internal IReadOnlyList<SimulatedChargerEndpoint> SimulatedEndpoints => _endpoints;

    /// <summary>Modbus counters (requests, errors by kind, latency) per meter id, for the status API.</summary>
    public IReadOnlyDictionary<string, DeviceCounters> ModbusCounters => _modbusMeters.ToDictionary(m => m.Id, m => m.Counters, StringComparer.Ordinal);

    /// <summary>
    /// Picks a driver for every device. <paramref name="inProcess"/> (the stepped fast run) plays
    /// simulated MQTT chargers without the network. Returns the reasons when a device needs a
    /// driver this build does not have, so `run` refuses with a clear message instead of starting
    /// half a site.
    /// </summary>
    public static SiteDevices Create(
        SiteConfiguration configuration, TimeProvider time, out IReadOnlyList<string> problems, ILoggerFactory? loggers = null, bool inProcess = true, bool? metersInProcess = null)
    {
        var site = configuration.Site;
        var errors = new List<string>();
        var simulation = configuration.Simulation is { } settings ? new SimulatedSite(site, settings, time) : null;
        var devices = new SiteDevices(configuration, time, loggers ?? NullLoggerFactory.Instance, simulation);
        var simulatedMeters = simulation?.Meters.ToDictionary(m => m.Id, StringComparer.Ordinal) ?? [];

        foreach (var meter in site.Meters)
        {
            if (devices.AddMeter(meter, simulatedMeters, metersInProcess ?? inProcess) is { } problem)
            {
                errors.Add($"meters.{meter.Id}: {problem}");
            }
        }

        foreach (var chargePoint in site.ChargePoints)
        {
            if (devices.AddChargePoint(chargePoint, inProcess) is { } problem)
            {
                errors.Add($"chargers.{chargePoint.Id}: {problem}");
            }
        }

        if (site.Battery is { } battery && devices.AddBattery(battery, metersInProcess ?? inProcess) is { } batteryProblem)
        {
            errors.Add($"battery: {batteryProblem}");
        }

        if (configuration.MqttBrokers.Count > 0)
        {
            // The gateway's own MQTT API lives on the first broker.
            devices.ApiConnection = devices.Connection(configuration.MqttBrokers[0]);
        }

        // Prices or a forecast on MQTT ride on the same connection as the chargers of that broker.
        foreach (var source in new[] { site.Planning?.Prices?.Source, site.Planning?.Forecast }.OfType<MqttScheduleSource>())
        {
            _ = devices.Connection(configuration.MqttBrokers.Single(b => b.Id == source.Broker));
        }

        problems = errors;
        return devices;
    }

    /// <summary>Starts the embedded broker, connects to every broker and subscribes every driver; plays the simulated chargers.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_modbusSimulation is not null)
        {
            _modbusSimulation.Start(_configuration.Site.Grid.Voltage);
            await _modbusSimulation.RefreshAsync(cancellationToken);
        }

        foreach (var broker in _configuration.MqttBrokers.Where(b => b.Embedded))
        {
            _brokers.Add(await EmbeddedMqttBroker.StartAsync(broker.Port));
        }

        foreach (var connection in _connections.Values)
        {
            connection.Start();
        }

        foreach (var connection in _connections.Values)
        {
            try
            {
                await connection.WaitConnectedAsync(BrokerStartWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Control starts anyway: chargers read as stale until the connection comes up.
            }
        }

        foreach (var chargePoint in _mqttChargePoints)
        {
            await chargePoint.StartAsync(cancellationToken);
        }

        foreach (var endpoint in _endpoints)
        {
            var broker = _configuration.MqttBrokers.Single(b => b.Id == endpoint.ChargePoint.Definition.Broker);
            await endpoint.ConnectAsync(BrokerUrl(broker), cancellationToken);
        }
    }

    /// <summary>The simulated chargers report their state (once per control cycle).</summary>
    public async Task PublishSimulatedStateAsync(CancellationToken cancellationToken)
    {
        if (_modbusSimulation is not null)
        {
            await _modbusSimulation.RefreshAsync(cancellationToken);
        }

        foreach (var endpoint in _endpoints)
        {
            try
            {
                await endpoint.PublishStateAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A simulated charger that cannot reach the broker goes silent, like a real one.
                Log.SimulatedChargerSilent(_simulationLogger, endpoint.ChargePoint.Id, ex.Message);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync();
        }

        foreach (var connection in _connections.Values)
        {
            await connection.DisposeAsync();
        }

        foreach (var broker in _brokers)
        {
            await broker.DisposeAsync();
        }

        if (_modbusSimulation is not null)
        {
            await _modbusSimulation.DisposeAsync();
        }

        _buses?.Dispose();
    }

    private string? AddMeter(MeterDefinition meter, Dictionary<string, IMeter> simulatedMeters, bool inProcess)
    {
        var simulated = simulatedMeters.GetValueOrDefault(meter.Id);
        if (meter.Connection is SimulatedConnection || (meter.Simulated && inProcess))
        {
            Meters[meter.Id] = simulated!;
            return null;
        }

        if (meter.Connection is not ModbusConnection modbus)
        {
            return "no driver for this connection";
        }

        try
        {
            if (Profile(modbus, out var profile) is { } problem)
            {
                return problem;
            }

            var driver = new ModbusMeter(meter, _profiles!, Buses, _time, _loggers.CreateLogger("GridEdge.Modbus"));
            _modbusMeters.Add(driver);
            Meters[meter.Id] = driver;
            if (meter.Simulated)
            {
                ModbusSimulation.Add(meter, modbus, profile!, simulated!);
            }

            return null;
        }
        catch (DeviceProfileException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>
    /// The battery's driver: the simulation's battery in process, or Modbus through its profile (the
    /// simulation serving it there when it is simulated). A profile that does not mark a writable power
    /// setpoint is refused here, so `run` never starts with a battery it cannot command.
    /// </summary>
    private string? AddBattery(BatteryDefinition battery, bool inProcess)
    {
        if (battery.Connection is SimulatedConnection || (battery.Simulated && inProcess))
        {
            Battery = Simulation!.Battery;
            return null;
        }

        if (battery.Connection is not ModbusConnection modbus)
        {
            return null;
        }

        try
        {
            if (Profile(modbus, out var profile) is { } problem)
            {
                return problem;
            }

            Battery = new ModbusBattery(battery, _profiles!, Buses, _time, _loggers.CreateLogger("GridEdge.Modbus"));
            if (battery.Simulated)
            {
                ModbusSimulation.AddBattery(battery, modbus, profile!, Simulation!.Battery!);
            }

            return null;
        }
        catch (DeviceProfileException ex)
        {
            return ex.Message;
        }
    }

    private ModbusBuses Buses => _buses ??= new ModbusBuses(new ModbusClientOptions(), _time, _loggers);

    private SimulatedModbusDevices ModbusSimulation => _modbusSimulation ??= new SimulatedModbusDevices(_time, _loggers);

    /// <summary>The device profile a Modbus connection names; the problem when there is none by that name.</summary>
    private string? Profile(ModbusConnection modbus, out DeviceProfile? profile)
    {
        _profiles ??= DeviceProfiles.Load(ProfileDirectory.For(_configuration.SourcePath));
        if (_profiles.TryGet(modbus.Profile, out var found))
        {
            profile = found;
            return null;
        }

        profile = null;
        return $"unknown device profile '{modbus.Profile}' (known: {string.Join(", ", _profiles.Names.Order(StringComparer.Ordinal))})";
    }

    private string? AddChargePoint(ChargePointDefinition chargePoint, bool inProcess)
    {
        var playedInProcess = chargePoint.Protocol == "simulated" || (chargePoint.Simulated && inProcess);
        if (playedInProcess)
        {
            ChargePoints[chargePoint.Id] = Simulation!.ChargePoint(chargePoint.Id);
            return null;
        }

        var broker = _configuration.MqttBrokers.FirstOrDefault(b => b.Id == chargePoint.Broker);
        if (broker is null)
        {
            return $"protocol '{chargePoint.Protocol}' needs an MQTT broker";
        }

        var connection = Connection(broker);
        var logger = _loggers.CreateLogger("GridEdge.Chargers");
        var driver = GridEdge.Devices.Mqtt.Chargers.MqttChargePoints.Create(chargePoint, connection, _time, logger);
        if (driver is null)
        {
            return $"protocol '{chargePoint.Protocol}' has no driver in this build yet";
        }

        _mqttChargePoints.Add(driver);
        ChargePoints[chargePoint.Id] = driver;
        if (chargePoint.Simulated)
        {
            var hardware = Simulation!.ChargePoint(chargePoint.Id);
            var deviceId = chargePoint.DeviceId ?? chargePoint.Id;
            _endpoints.Add(chargePoint.Protocol == "go-e"
                ? new GoEChargerEndpoint(hardware, deviceId, _time)
                : new GenericChargerEndpoint(hardware, chargePoint.Prefix ?? GenericJsonChargePoint.DefaultPrefix, deviceId, _time));
        }

        return null;
    }

    private MqttConnection Connection(MqttBrokerSettings broker)
    {
        if (_connections.TryGetValue(broker.Id, out var existing))
        {
            return existing;
        }

        var site = _configuration.Site.Id;
        var options = new MqttBrokerOptions
        {
            Url = BrokerUrl(broker),
            ClientId = broker.ClientId ?? $"gridedge-{site}",
            Credentials = broker.Embedded ? null : MqttCredentials.Resolve(broker.CredentialsFile, Environment.GetEnvironmentVariable),
            CaFile = broker.CaFile,
            ClientCertificateFile = broker.CertificateFile,
            ClientKeyFile = broker.KeyFile,
            ProtocolVersion = broker.ProtocolVersion,
            StatusTopic = $"gridedge/{site}/status",
        };
        // Transport timing (keep-alive, reconnect backoff) runs on the wall clock even when the
        // site runs on stepped simulated time.
        var connection = new MqttConnection(broker.Id, options, TimeProvider.System, _loggers.CreateLogger("GridEdge.Mqtt"));
        _connections[broker.Id] = connection;
        return connection;
    }

    private static Uri BrokerUrl(MqttBrokerSettings broker) =>
        broker.Embedded ? new Uri($"mqtt://127.0.0.1:{broker.Port}") : broker.Url!;
}
