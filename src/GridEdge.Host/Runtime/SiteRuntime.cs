using GridEdge.Control;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Host.Configuration;
using GridEdge.Host.Mqtt;
using GridEdge.Host.Planning;
using GridEdge.Host.Status;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Schema;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// The gateway's loop for one site: read chargepoints, freeze a snapshot, decide, send setpoints,
/// record. Meters are read by their own pollers. One control cycle at a time.
/// </summary>
internal sealed class SiteRuntime
{
    private readonly SiteConfiguration _configuration;
    private readonly SiteDevices _devices;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SiteState _state = new();
    private readonly SetpointDispatcher _dispatcher;
    private readonly BatteryLink? _battery;
    private readonly RunStatistics _statistics;
    private readonly Dictionary<string, (DecisionReason Reason, int Phases, bool Running)> _lastLogged = new(StringComparer.Ordinal);
    private bool _failSafeLogged;
    private long _cycleTimestamp;
    private StatusReport? _status;
    private DateTimeOffset _nextHealthRecord = DateTimeOffset.MinValue;

    private readonly TelemetryPipeline? _telemetry;
    private readonly string _telemetryTarget;
    private readonly TelemetrySchema _schema;

    private readonly MqttSiteApi? _api;

    private readonly PlanningService? _planning;
    private readonly bool _planSynchronously;

    /// <param name="planSynchronously">Solve plans inside the cycle (stepped runs), not on a worker thread.</param>
    public SiteRuntime(
        SiteConfiguration configuration,
        SiteDevices devices,
        TimeProvider time,
        ILogger logger,
        TelemetryPipeline? telemetry = null,
        MqttSiteApi? api = null,
        bool planSynchronously = false,
        VehicleOverrides? overrides = null)
    {
        _api = api;
        _planSynchronously = planSynchronously;
        if (configuration.Site.Planning is not null
            && (configuration.Site.ChargePoints.Any(c => c.Mode == Domain.Site.ChargeMode.Plan) || PlanningService.HasControlledBattery(configuration.Site)))
        {
            PlanningInputs = PlanningInputs.Create(configuration, devices, logger);
            _planning = new PlanningService(configuration.Site, time, logger, overrides ?? new VehicleOverrides(), inputs: PlanningInputs) { PlanMade = RecordPlan };
        }

        _telemetry = telemetry;
        _schema = new TelemetrySchema(configuration.Site);
        _telemetryTarget = telemetry is null ? "off"
            : configuration.Telemetry.Influx is null && Environment.GetEnvironmentVariable("GRIDEDGE_INFLUX_URL") is null ? "spool"
            : "influx";
        _configuration = configuration;
        _devices = devices;
        _time = time;
        _logger = logger;
        Controller = new SiteController(configuration.Site);
        Pollers = [.. configuration.Site.Meters.Select(m => new MeterPoller(m, devices.Meters[m.Id], _state, time, logger))];
        _dispatcher = new SetpointDispatcher(devices.ChargePoints, logger);
        _battery = devices.Battery is { } battery ? new BatteryLink(battery, _state, logger) : null;
        ModbusCounters = devices.ModbusCounters;
        _statistics = new RunStatistics(configuration.Site);
    }

    public SiteController Controller { get; }

    public IReadOnlyList<MeterPoller> Pollers { get; }

    public SiteConfiguration Configuration => _configuration;

    /// <summary>The MQTT link of a chargepoint's driver, for the status API; null for in-process chargers.</summary>
    public ChargerLinkStatus? ChargerLink(string chargePointId) =>
        _devices.ChargePoints.GetValueOrDefault(chargePointId) is Devices.Mqtt.Chargers.MqttChargePoint driver
            ? new ChargerLinkStatus(driver.Messages, driver.InvalidPayloads, driver.LastError, driver.IsOffline)
            : null;

    /// <summary>Modbus counters per meter id (empty without Modbus meters).</summary>
    public IReadOnlyDictionary<string, Devices.Modbus.DeviceCounters> ModbusCounters { get; }

    /// <summary>The simulated site behind the devices, if the site is simulated.</summary>
    public Simulation.SimulatedSite? Simulation => _devices.Simulation;

    /// <summary>The price and forecast schedules the planner uses; null when nothing is planned.</summary>
    public PlanningInputs? PlanningInputs { get; }

    /// <summary>Plans the planning service handed to the controller so far.</summary>
    public int PlansMade => _planning?.PlansMade ?? 0;

    /// <summary>The latest status for the API; null before the first cycle.</summary>
    public StatusReport? Status => Volatile.Read(ref _status);

    /// <summary>Monotonic timestamp of the last completed cycle (for the systemd watchdog).</summary>
    public long LastCycleTimestamp => Interlocked.Read(ref _cycleTimestamp);

    public long SetpointsSent => _dispatcher.Sent;

    public RunSummary Summary() => _statistics.Summarize(
        _dispatcher.Sent,
        Controller.Statistics(),
        _telemetry is null ? RunTelemetry.Off : RunTelemetry.From(_telemetry, _telemetryTarget));

    /// <summary>
    /// Advances the simulation (if any) to now and lets the simulated devices report it (Modbus
    /// registers, MQTT state): done before meters are read so they see the present.
    /// </summary>
    public async Task AdvanceSimulationAsync(CancellationToken cancellationToken)
    {
        _devices.Simulation?.Advance();
        await _devices.PublishSimulatedStateAsync(cancellationToken);
    }

    /// <summary>One step of a stepped (simulated-time) run: advance the simulation, read the meters that are due, control.</summary>
    public async Task StepAsync(CancellationToken cancellationToken)
    {
        await AdvanceSimulationAsync(cancellationToken);
        foreach (var poller in Pollers)
        {
            await poller.PollIfDueAsync(cancellationToken);
        }

        await CycleAsync(cancellationToken);
    }

    public async Task CycleAsync(CancellationToken cancellationToken)
    {
        if (_api is not null)
        {
            await ApplyApiRequestsAsync(cancellationToken);
        }

        foreach (var (id, chargePoint) in _devices.ChargePoints)
        {
            await ReadChargePointAsync(id, chargePoint, cancellationToken);
        }

        if (_battery is not null)
        {
            await _battery.ReadAsync(cancellationToken);
        }

        var snapshot = _state.Snapshot(_time.GetUtcNow());
        var decision = Controller.Decide(snapshot);
        await _dispatcher.DispatchAsync(decision.ChargePoints, snapshot.Time, cancellationToken);
        if (_battery is not null && decision.Battery is { } command)
        {
            await _battery.ApplyAsync(command, cancellationToken);
        }

        _statistics.Record(snapshot, decision, 10 * _configuration.Site.Control.Interval);
        _planning?.Observe(snapshot, decision, Controller, _planSynchronously);
        _telemetry?.RecordCycle(_schema, snapshot, decision);
        RecordDeviceHealth(snapshot.Time);
        LogChanges(decision);
        var status = StatusReport.Create(_configuration, snapshot, decision, this);
        Volatile.Write(ref _status, status);
        if (_api is not null)
        {
            await PublishApiAsync(status, cancellationToken);
        }
        Interlocked.Exchange(ref _cycleTimestamp, _time.GetTimestamp());
    }

    /// <summary>Mode changes from MQTT; a broker outage must never cost a control cycle.</summary>
    private async Task ApplyApiRequestsAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _api!.ApplyRequestsAsync(Controller, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ApiPublishFailed(_logger, ex.Message);
        }
    }

    private async Task PublishApiAsync(StatusReport status, CancellationToken cancellationToken)
    {
        try
        {
            await _api!.PublishAsync(status, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The broker went away mid-publish; the next cycle publishes again.
            Log.ApiPublishFailed(_logger, ex.Message);
        }
    }

    /// <summary>Every slot of a new plan goes to telemetry (`plan` measurement; a re-plan overwrites its slots).</summary>
    private void RecordPlan(Optimization.Planning.Plan plan)
    {
        if (_telemetry is null)
        {
            return;
        }

        var now = _time.GetUtcNow();
        foreach (var slot in plan.Slots)
        {
            var sample = new PlanSlotSample(slot.Start, slot.GridImportKw, slot.GridExportKw, slot.BatteryKw, slot.Vehicles.ToDictionary(v => v.VehicleId, v => v.PowerKw, StringComparer.Ordinal));
            _telemetry.Record(_schema.PlanSlot(sample, now));
        }
    }

    /// <summary>Meter polling counters go to telemetry once a minute (they change slowly).</summary>
    private void RecordDeviceHealth(DateTimeOffset now)
    {
        if (_telemetry is null || now < _nextHealthRecord)
        {
            return;
        }

        _nextHealthRecord = now + TimeSpan.FromMinutes(1);
        foreach (var poller in Pollers)
        {
            var sample = new DeviceHealthSample(poller.Definition.Id, poller.Definition.Connection is Domain.Site.ModbusConnection ? "modbus" : "simulated", poller.Reads, poller.Errors, poller.LastError is null);
            _telemetry.Record(_schema.DeviceHealth(sample, now));
        }
    }

    /// <summary>Sends every chargepoint its safe value (gateway stopping); bounded so shutdown cannot hang on a dead charger.</summary>
    public async Task SendSafeValuesAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        var decisions = Controller.Shutdown(_state.Snapshot(_time.GetUtcNow()));
        foreach (var decision in decisions)
        {
            try
            {
                await _devices.ChargePoints[decision.ChargePointId].ApplyAsync(decision.Setpoint, limit.Token);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || limit.IsCancellationRequested)
            {
                Log.SetpointFailed(_logger, decision.ChargePointId, ex.Message);
            }
        }

        if (_battery is not null && Controller.BatteryShutdown() is { } hold)
        {
            await _battery.ApplyAsync(hold, limit.Token);
        }
    }

    private async Task ReadChargePointAsync(string id, IChargePoint chargePoint, CancellationToken cancellationToken)
    {
        try
        {
            _state.Publish(id, await chargePoint.ReadAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ChargePointReadFailed(_logger, id, ex.Message);
        }
    }

    private void LogChanges(ControlDecision decision)
    {
        if (decision.FailSafe != _failSafeLogged)
        {
            _failSafeLogged = decision.FailSafe;
            if (decision.FailSafe)
            {
                Log.FailSafeEntered(_logger, decision.ChargePoints.Count > 0 ? decision.ChargePoints[0].Detail : "grid meter not usable");
            }
            else
            {
                Log.FailSafeLeft(_logger);
            }
        }

        foreach (var d in decision.ChargePoints)
        {
            var now = (d.Reason, d.Setpoint.Phases, !d.Setpoint.IsStop);
            if (_lastLogged.TryGetValue(d.ChargePointId, out var before) && before == now)
            {
                continue;
            }

            _lastLogged[d.ChargePointId] = now;
            if (_logger.IsEnabled(LogLevel.Information))
            {
                Log.DecisionChanged(_logger, d.ChargePointId, d.Reason, d.Setpoint.Current.Amperes, d.Setpoint.Phases, d.Detail);
            }
        }
    }
}
