using System.Globalization;
using GridEdge.Control.Allocation;
using GridEdge.Control.Battery;
using GridEdge.Control.Demand;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Control;

/// <summary>
/// The real-time controller: once per cycle it turns a <see cref="SiteSnapshot"/> into a setpoint for
/// every chargepoint. Order of precedence: trust in the data (fail-safe), then the grid limits
/// (per phase and total, by priority and fair share), then the modes and PV surplus, then ramps and
/// deadband. Not thread-safe: one control loop owns it.
/// </summary>
public sealed class SiteController
{
    /// <summary>How long a vehicle must draw less than commanded before its own limit is assumed.</summary>
    private static readonly TimeSpan VehicleLimitDetection = TimeSpan.FromSeconds(10);

    /// <summary>Current a vehicle below its command is offered above its draw, so it can show it wants more.</summary>
    private const double VehicleLimitMargin = 1.0;

    private readonly SiteDefinition _site;
    private readonly ControlSettings _settings;
    private readonly ChargePointRuntime[] _chargePoints;
    private readonly SurplusPlanner _surplusPlanner;
    private readonly BatteryController? _battery;
    private DateTimeOffset? _lastCycle;
    private ChargingPlan? _plan;

    public SiteController(SiteDefinition site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _site = site;
        _settings = site.Control;
        _chargePoints = [.. site.ChargePoints.Select(c => new ChargePointRuntime(c))];
        _surplusPlanner = new SurplusPlanner(_settings);
        Demand = site.Tariff is { DemandChargePerKw: > 0 } tariff ? new DemandMeter(site.TimeZone, tariff.BilledPeak) : null;
        _battery = site.Battery is { IsControlled: true } battery ? new BatteryController(battery, _settings) : null;
    }

    /// <summary>The half-hour import the site is billed on, when its tariff has a demand charge.</summary>
    public DemandMeter? Demand { get; }

    public ChargeMode ModeOf(string chargePointId) => Find(chargePointId).Mode;

    /// <summary>The plan chargepoints in mode plan follow (set by the planning service, from any thread; null = none yet).</summary>
    public ChargingPlan? Plan
    {
        get => Volatile.Read(ref _plan);
        set => Volatile.Write(ref _plan, value);
    }

    /// <summary>Changes a chargepoint's mode from the next cycle on (API, MQTT, dashboard).</summary>
    public void SetMode(string chargePointId, ChargeMode mode)
    {
        var runtime = Find(chargePointId);
        if (runtime.Mode != mode)
        {
            runtime.Mode = mode;
            runtime.ResetSurplusTimers();
        }
    }

    /// <summary>
    /// The safe value for every chargepoint, for when the gateway stops: without it a charger with
    /// no setpoint expiry of its own (go-e) would keep its last current with nobody watching the fuse.
    /// </summary>
    public IReadOnlyList<ChargePointDecision> Shutdown(SiteSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return [.. _chargePoints.Select(c => SafeValue(c, snapshot, DecisionReason.FailSafe, "gateway stopping", snapshot.Time))];
    }

    /// <summary>The battery's safe value when the gateway stops: hold, so it does not keep a command nobody watches.</summary>
    public BatteryDecision? BatteryShutdown() => _battery?.Hold(DecisionReason.FailSafe, "gateway stopping");

    public IReadOnlyList<ChargePointStatistics> Statistics() =>
        [.. _chargePoints.Select(c => new ChargePointStatistics(c.Definition.Id, c.StartCount, c.PhaseSwitchCount))];

    public ControlDecision Decide(SiteSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var now = snapshot.Time;
        var elapsed = _lastCycle is { } last ? now - last : _settings.Interval;
        elapsed = elapsed < TimeSpan.Zero ? TimeSpan.Zero : elapsed > 10 * _settings.Interval ? 10 * _settings.Interval : elapsed;
        _lastCycle = now;

        var decisions = new ChargePointDecision[_chargePoints.Length];
        var grid = snapshot.Meter(_site.Grid.MeterId);
        if (grid is null || !grid.IsUsableAt(now, _settings.StaleAfter))
        {
            var why = grid is null
                ? "no grid meter reading"
                : grid.Quality == ReadingQuality.Invalid
                    ? "grid meter reading invalid"
                    : string.Create(CultureInfo.InvariantCulture, $"grid meter reading {grid.AgeAt(now).TotalSeconds:0.0} s old (limit {_settings.StaleAfter.TotalSeconds:0.#} s)");
            for (var i = 0; i < _chargePoints.Length; i++)
            {
                decisions[i] = SafeValue(_chargePoints[i], snapshot, DecisionReason.FailSafe, why, now);
            }

            return new ControlDecision
            {
                Time = now,
                FailSafe = true,
                GridPower = grid?.Value.Power ?? default,
                BaseLoad = default,
                Surplus = default,
                ChargePoints = decisions,
                Battery = _battery?.Hold(DecisionReason.FailSafe, why),
            };
        }

        var intents = new List<ChargeIntent>(_chargePoints.Length);
        var intentIndex = new List<int>(_chargePoints.Length);
        var trusted = new List<(ChargePointDefinition, ChargePointSample)>(_chargePoints.Length);
        var unplannedWatts = 0.0;
        for (var i = 0; i < _chargePoints.Length; i++)
        {
            var runtime = _chargePoints[i];
            var reading = snapshot.ChargePoint(runtime.Definition.Id);
            if (reading is null || !reading.IsUsableAt(now, _settings.ChargerStaleAfter))
            {
                var why = reading is null ? "no reading from the charger" : "charger reading stale or invalid";
                decisions[i] = SafeValue(runtime, snapshot, DecisionReason.ChargerStale, why, now);
                continue;
            }

            trusted.Add((runtime.Definition, reading.Value));
            unplannedWatts += runtime.Mode == ChargeMode.Plan ? 0 : Math.Max(0, reading.Value.Power.Watts);
            if (StopReason(runtime, reading.Value, now) is { } stop)
            {
                if (stop.Reason is DecisionReason.NotPluggedIn or DecisionReason.ModeOff)
                {
                    runtime.ResetSurplusTimers();
                }

                decisions[i] = Command(runtime, 0, stop.Reason, stop.Detail, now);
                continue;
            }

            intents.Add(ObserveVehicle(new ChargeIntent(runtime, reading.Value), now));
            intentIndex.Add(i);
        }

        var battery = _battery is not null && snapshot.Battery is { } b && b.IsUsableAt(now, _settings.ChargerStaleAfter) ? b.Value.Power : Power.Zero;
        var measurement = SiteMeasurement.From(_site.Grid, _settings.GridMargin, grid.Value, trusted, battery);
        var surplus = -measurement.BasePower.Watts - _settings.Reserve.Watts;
        var plan = Plan;
        Demand?.Observe(now, measurement.GridPower, elapsed);
        foreach (var intent in intents)
        {
            intent.PlannedWatts = intent.Runtime.Mode == ChargeMode.Plan ? plan?.PowerAt(intent.Runtime.Definition.Id, now)?.Watts : null;
        }

        // Discharging V2H chargepoints are decided here and take no part in sharing surplus or limits.
        foreach (var (intent, decision) in V2hPlanner.Discharge(intents, measurement.BasePower.Watts, _settings, now).ToList())
        {
            var k = intents.IndexOf(intent);
            decisions[intentIndex[k]] = decision;
            intents.RemoveAt(k);
            intentIndex.RemoveAt(k);
        }

        _surplusPlanner.Plan(intents, surplus, now);
        var demandCeiling = DemandCeiling(plan, now);
        var allowed = ApplyGridLimits(intents, measurement, demandCeiling - measurement.BasePower.Watts, out var headroom);

        for (var k = 0; k < intents.Count; k++)
        {
            decisions[intentIndex[k]] = Finish(intents[k], allowed[k], headroom[k], elapsed, now);
        }

        return new ControlDecision
        {
            Time = now,
            FailSafe = false,
            GridPower = measurement.GridPower,
            BaseLoad = measurement.BasePower,
            Surplus = new(surplus),
            ChargePoints = decisions,
            Battery = DecideBattery(snapshot, measurement, new Power(unplannedWatts), plan, demandCeiling, now),
        };
    }

    private BatteryDecision? DecideBattery(SiteSnapshot snapshot, SiteMeasurement measurement, Power unplanned, ChargingPlan? plan, double demandCeilingWatts, DateTimeOffset now)
    {
        if (_battery is null)
        {
            return null;
        }

        var limit = _site.Grid.EffectiveImportLimit - _settings.GridMargin.ToPower(_site.Grid.Voltage, _site.Grid.Phases);
        var demandBinds = demandCeilingWatts < limit.Watts;
        var ceiling = demandBinds ? new Power(demandCeilingWatts) : limit;
        var site = new BatteryController.Site(measurement.GridPower, measurement.BasePower, unplanned, ceiling, demandBinds, measurement.BatteryPhaseRoom());
        return _battery.Decide(snapshot.Battery, site, plan?.SlotAt(now), now);
    }

    /// <summary>
    /// Learns what the vehicle really takes: the phases it draws on, and — once it has drawn clearly
    /// less than commanded for a while (tapering near full, on-board charger limit) — a cap just above
    /// its draw, so the rest of the surplus or grid capacity goes to other chargepoints. The cap rises
    /// with the draw, so a vehicle that takes more again gets more.
    /// </summary>
    private static ChargeIntent ObserveVehicle(ChargeIntent intent, DateTimeOffset now)
    {
        var runtime = intent.Runtime;
        var sample = intent.Sample;
        var drawing = sample.Status == ChargePointStatus.Charging && sample.ChargeCurrent.Amperes > 0.5;
        if (drawing && sample.ActivePhases > 0 && sample.ActivePhases < runtime.Phases)
        {
            intent.ObservedPhases = sample.ActivePhases;
        }

        var underdrawing = drawing && sample.ChargeCurrent.Amperes < runtime.CommandedAmperes - VehicleLimitMargin;
        runtime.UnderdrawSince = underdrawing ? runtime.UnderdrawSince ?? now : null;
        if (runtime.UnderdrawSince is { } since && now - since >= VehicleLimitDetection)
        {
            intent.UsefulAmperes = sample.ChargeCurrent.Amperes + VehicleLimitMargin;
        }

        return intent;
    }

    /// <summary>
    /// Shares the room under the per-phase fuse and the total import limit among all wishes, by
    /// priority and fair share, each chargepoint getting 0 or at least its minimum current.
    /// </summary>
    private double[] ApplyGridLimits(List<ChargeIntent> intents, SiteMeasurement measurement, double demandRoomWatts, out double[] headroom)
    {
        var gridPhases = _site.Grid.Phases;
        var capacity = new double[gridPhases + 1];
        measurement.PhaseHeadroomAmperes.CopyTo(capacity, 0);
        var demandBinds = demandRoomWatts < measurement.TotalHeadroomWatts;
        capacity[gridPhases] = Math.Min(measurement.TotalHeadroomWatts, demandRoomWatts);

        var requests = new ShareRequest[intents.Count];
        for (var k = 0; k < intents.Count; k++)
        {
            var runtime = intents[k].Runtime;
            var definition = runtime.Definition;
            var usage = new double[gridPhases + 1];
            PhaseMap.Usage(definition, runtime.Phases, gridPhases).CopyTo(usage, 0);
            usage[gridPhases] = definition.Voltage.Volts * runtime.Phases;
            requests[k] = new ShareRequest(intents[k].Amperes, definition.MinCurrent.Amperes, definition.Priority, runtime.IsRunning, usage);
        }

        var allowed = new double[intents.Count];
        var remaining = FairShareAllocator.Allocate(capacity, requests, allowed);
        headroom = new double[intents.Count];
        for (var k = 0; k < intents.Count; k++)
        {
            headroom[k] = FairShareAllocator.Headroom(requests[k], remaining);
            if (allowed[k] < intents[k].Amperes - 1e-6)
            {
                intents[k].Reason = demandBinds ? DecisionReason.DemandLimit : allowed[k] > 0 ? DecisionReason.GridLimit : DecisionReason.GridLimitStopped;
                intents[k].Detail = demandBinds
                    ? string.Create(CultureInfo.InvariantCulture, $"half-hour demand: {allowed[k]:0.0} A of {intents[k].Amperes:0.0} A wanted keep the window's average at the billed peak")
                    : string.Create(CultureInfo.InvariantCulture, $"grid limit allows {allowed[k]:0.0} A of {intents[k].Amperes:0.0} A wanted");
            }
        }

        return allowed;
    }

    /// <summary>
    /// The import the site may have now so that the open half hour's average stays at the peak already
    /// billed, or at the plan's, if the plan decided that raising it pays; unlimited without a demand charge.
    /// </summary>
    private double DemandCeiling(ChargingPlan? plan, DateTimeOffset now)
    {
        if (Demand is null)
        {
            return double.PositiveInfinity;
        }

        var target = Math.Max(Demand.PeakKw, plan?.ImportCeilingAt(now)?.Kilowatts ?? 0);
        return Demand.Ceiling(now, target).Watts;
    }

    /// <summary>Applies current step, ramp-up limit and deadband, and records the command.</summary>
    private ChargePointDecision Finish(ChargeIntent intent, double allowedAmperes, double headroomAmperes, TimeSpan elapsed, DateTimeOffset now)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        var target = new Domain.Units.Current(allowedAmperes).FloorTo(definition.CurrentStep).Amperes;
        if (target < definition.MinCurrent.Amperes - 1e-9)
        {
            target = 0;
        }

        var reason = intent.Reason;
        var detail = intent.Detail;
        var last = runtime.CommandedAmperes;
        if (target > 0)
        {
            var rampLimit = Math.Max(last, definition.MinCurrent.Amperes) + (_settings.RampUpPerSecond.Amperes * elapsed.TotalSeconds);
            if (target > rampLimit + 1e-9)
            {
                target = Math.Max(definition.MinCurrent.Amperes, new Domain.Units.Current(rampLimit).FloorTo(definition.CurrentStep).Amperes);
                reason = DecisionReason.RampUp;
                detail = string.Create(CultureInfo.InvariantCulture, $"ramping up towards {allowedAmperes:0.0} A ({intent.Reason})");
            }

            // Small changes are not worth a command, as long as the old value still fits the grid limits
            // and the new one is not the chargepoint's minimum or maximum (those are worth reaching).
            var oldStillAllowed = last <= allowedAmperes + headroomAmperes + 1e-9;
            var atBound = target >= definition.MaxCurrent.Amperes - 1e-9 || target <= definition.MinCurrent.Amperes + 1e-9;
            if (last > 0 && Math.Abs(target - last) < _settings.Deadband.Amperes && oldStillAllowed && !atBound)
            {
                target = last;
            }
        }

        return Command(runtime, target, reason, detail, now);
    }

    private ChargePointDecision Command(ChargePointRuntime runtime, double amperes, DecisionReason reason, string detail, DateTimeOffset now)
    {
        if (!runtime.IsRunning && amperes > 0)
        {
            runtime.StartCount++;
        }

        runtime.CommandedAmperes = amperes;
        runtime.CommandedDischargeWatts = 0;
        var definition = runtime.Definition;
        var setpoint = Setpoint.ForCurrent(definition.Id, new(amperes), runtime.Phases, definition.Voltage, now, _settings.SetpointTtl);
        return new ChargePointDecision(definition.Id, setpoint, reason, detail);
    }

    /// <summary>The value a chargepoint falls back to when the controller cannot trust its data.</summary>
    private ChargePointDecision SafeValue(ChargePointRuntime runtime, SiteSnapshot snapshot, DecisionReason reason, string why, DateTimeOffset now)
    {
        var reading = snapshot.ChargePoint(runtime.Definition.Id);
        var keepMinimum = _settings.FailSafeAction == FailSafeAction.MinCurrent
            && runtime.IsRunning
            && runtime.Mode != ChargeMode.Off
            && reading is { Value.IsPluggedIn: true };
        var amperes = keepMinimum ? runtime.Definition.MinCurrent.Amperes : 0;
        var action = keepMinimum ? "minimum current" : "off";
        return Command(runtime, amperes, reason, $"{why}: {action}", now);
    }

    private static (DecisionReason Reason, string Detail)? StopReason(ChargePointRuntime runtime, ChargePointSample sample, DateTimeOffset now)
    {
        if (runtime.Mode == ChargeMode.Off)
        {
            return (DecisionReason.ModeOff, "mode off");
        }

        if (runtime.PhaseSwitchPauseUntil is { } pauseUntil && now < pauseUntil)
        {
            return (DecisionReason.PhaseSwitchPause, string.Create(CultureInfo.InvariantCulture, $"phase switch to {runtime.Phases} phase(s)"));
        }

        return sample.Status switch
        {
            ChargePointStatus.Disconnected => (DecisionReason.NotPluggedIn, "no vehicle"),
            ChargePointStatus.Error => (DecisionReason.ChargerFault, "charger reports an error"),
            ChargePointStatus.Complete => (DecisionReason.VehicleFull, "vehicle reports charging complete"),
            _ => null,
        };
    }

    private ChargePointRuntime Find(string chargePointId) =>
        _chargePoints.FirstOrDefault(c => c.Definition.Id == chargePointId)
        ?? throw new ArgumentException($"unknown chargepoint '{chargePointId}'", nameof(chargePointId));
}
