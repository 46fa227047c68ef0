using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Optimization.Forecasts;
using GridEdge.Optimization.Planning;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Planning;

/// <summary>
/// Keeps a plan for the chargepoints in mode plan and the battery the gateway controls: learns PV and
/// house load per slot, and at every slot boundary — or when a vehicle arrives, leaves or changes its
/// target, or a price or forecast schedule changes — asks the LP planner for a new plan over the
/// horizon (per-slot conditions from
/// <see cref="SlotConditionsBuilder"/>, each vehicle's energy, target and departure). A solve runs
/// off the control loop; until it lands the previous plan, or the controller's rule-based fallback,
/// stays in force.
/// </summary>
internal sealed class PlanningService
{
    private readonly SiteDefinition _site;
    private readonly PlanningSettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IPlanner _planner;
    private readonly HistoryForecaster _forecaster;
    private readonly SlotHistory _pv;
    private readonly SlotHistory _load;
    private readonly LoadSurprise _surprise;
    private readonly ChargePointDefinition[] _planned;
    private DateTimeOffset _plannedSlot = DateTimeOffset.MinValue;
    private string _plannedVehicles = "";
    private long _plannedInputs;
    private Task<ChargingPlan?>? _solving;

    private readonly VehicleOverrides _overrides;
    private readonly SlotConditionsBuilder _conditions;
    private readonly BatterySpec? _battery;

    /// <summary>
    /// Each way, for a bidirectional car whose energy is its battery's (SoC × capacity): a V2H unit converts
    /// AC↔DC both ways and reports no efficiency, so a typical 90 % is assumed; it keeps the plan from cycling
    /// the car for price spreads smaller than the round-trip loss.
    /// </summary>
    private const double V2hEfficiency = 0.9;

    public PlanningService(SiteDefinition site, TimeProvider time, ILogger logger, VehicleOverrides overrides, IPlanner? planner = null, PlanningInputs? inputs = null)
    {
        _overrides = overrides;
        _site = site;
        _settings = site.Planning ?? throw new ArgumentException("the site has no planning section", nameof(site));
        _time = time;
        _logger = logger;
        _planner = planner ?? new LpPlanner(new PlannerOptions { TimeLimit = TimeSpan.FromSeconds(5) }, time);
        _forecaster = new HistoryForecaster(new ClearSky(_settings.Latitude, _settings.Longitude)) { PeakKw = site.Pv?.PeakPower.Kilowatts ?? 0 };
        _pv = new SlotHistory(_settings.Slot);
        _load = new SlotHistory(_settings.Slot);
        _surprise = new LoadSurprise();
        _planned = [.. site.ChargePoints.Where(c => c.Mode == ChargeMode.Plan)];
        _conditions = new SlotConditionsBuilder(site, _settings, inputs);
        _battery = Controlled(site.Battery);
    }

    /// <summary>True when the site has a battery the gateway controls (and so plans).</summary>
    public static bool HasControlledBattery(SiteDefinition site) => Controlled(site?.Battery) is not null;

    /// <summary>The planner's view of a battery the gateway controls; the plan's end keeps the lowest SoC (the horizon rolls on).</summary>
    private static BatterySpec? Controlled(BatteryDefinition? battery) => battery is { IsControlled: true } b
        ? new BatterySpec(
            b.MinStateOfCharge * b.Capacity.KilowattHours,
            b.MaxStateOfCharge * b.Capacity.KilowattHours,
            b.MinStateOfCharge * b.Capacity.KilowattHours,
            b.MaxChargePower.Kilowatts,
            b.MaxDischargePower.Kilowatts,
            b.ChargeEfficiency,
            b.DischargeEfficiency,
            b.CycleCostPerKwh)
        : null;

    /// <summary>Plans made so far (for tests and the status).</summary>
    public int PlansMade { get; private set; }

    /// <summary>
    /// Called once per control cycle with what the cycle saw. Starts a re-plan when due and hands a
    /// finished one to the controller. <paramref name="synchronous"/> solves in place (stepped runs).
    /// </summary>
    public void Observe(SiteSnapshot snapshot, ControlDecision decision, Control.SiteController controller, bool synchronous)
    {
        Learn(snapshot, decision);
        if (_solving is { IsCompleted: true } done)
        {
            _solving = null;
            if (done.IsCompletedSuccessfully && done.Result is { } plan)
            {
                controller.Plan = plan;
                PlansMade++;
            }
        }

        foreach (var chargePoint in _planned)
        {
            if (snapshot.ChargePoint(chargePoint.Id) is { Value.IsPluggedIn: false })
            {
                // A user's target and departure belong to the session that just ended.
                _overrides.Clear(chargePoint.Id);
            }
        }

        var slot = SlotClock.Floor(snapshot.Time, _settings.Slot);
        var vehicles = VehicleKey(snapshot);
        var inputs = _conditions.Version;
        if (_solving is not null || (slot == _plannedSlot && vehicles == _plannedVehicles && inputs == _plannedInputs))
        {
            return;
        }

        _plannedSlot = slot;
        _plannedVehicles = vehicles;
        _plannedInputs = inputs;
        var request = Request(snapshot, slot, controller.Demand);
        if (request is null)
        {
            return;
        }

        if (synchronous)
        {
            if (Solve(request, controller.Plan) is { } plan)
            {
                controller.Plan = plan;
                PlansMade++;
            }
        }
        else
        {
            var previous = controller.Plan;
            _solving = Task.Run(() => Solve(request, previous));
        }
    }

    /// <summary>Called with every new plan (on the solving thread): telemetry records it.</summary>
    public Action<Plan>? PlanMade { get; init; }

    private ChargingPlan? Solve(PlanningRequest request, ChargingPlan? previous)
    {
        try
        {
            var plan = _planner.CreatePlan(request, CancellationToken.None);
            PlanMade?.Invoke(plan);
            Store(request);
            return ToChargingPlan(plan, request.Battery is not null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Keep the plan in force; the controller corrects live either way.
            Log.PlanFailed(_logger, ex.Message);
            return previous;
        }
    }

    /// <summary>Keeps the inputs of each re-plan as a scenario folder, so it can be replayed with `gridedge scenario run`.</summary>
    private void Store(PlanningRequest request)
    {
        if (_settings.StoreDirectory is not { } root)
        {
            return;
        }

        try
        {
            var name = request.Start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
            Optimization.Scenarios.ScenarioWriter.Write(request, Path.Combine(root, name), $"{_site.Id}-{name}", _site.Currency);
            foreach (var old in Directory.GetDirectories(root).Order(StringComparer.Ordinal).SkipLast(_settings.StoreKeep))
            {
                Directory.Delete(old, recursive: true);
            }
        }
        catch (IOException ex)
        {
            Log.PlanFailed(_logger, $"could not store the plan's inputs: {ex.Message}");
        }
    }

    /// <param name="withBattery">The plan was made with the battery's state, so its battery and grid powers are meant to be followed.</param>
    private ChargingPlan ToChargingPlan(Plan plan, bool withBattery) => new(
        _time.GetUtcNow(),
        [.. plan.Slots.Select(s => new ChargingPlanSlot(
            s.Start,
            s.Start + plan.SlotLength,
            s.Vehicles.ToDictionary(v => v.VehicleId, v => Power.FromKilowatts(v.PowerKw), StringComparer.Ordinal))
        {
            ImportCeiling = _site.Tariff is { DemandChargePerKw: > 0 } ? Power.FromKilowatts(s.ImportCeilingKw) : null,
            Battery = withBattery ? Power.FromKilowatts(s.BatteryKw) : null,
            Grid = withBattery ? Power.FromKilowatts(s.GridImportKw - s.GridExportKw) : null,
        })]);

    private void Learn(SiteSnapshot snapshot, ControlDecision decision)
    {
        if (decision.FailSafe)
        {
            return;
        }

        var pvWatts = _site.Pv?.MeterId is { } pvMeter && snapshot.Meter(pvMeter) is { } pv ? Math.Max(0, -pv.Value.Power.Watts) : 0;
        _pv.Add(snapshot.Time, pvWatts / 1000);
        // Base load is the house minus PV; the house alone is what the forecaster wants.
        _load.Add(snapshot.Time, Math.Max(0, decision.BaseLoad.Watts + pvWatts) / 1000);
    }

    private PlanningRequest? Request(SiteSnapshot snapshot, DateTimeOffset slotStart, Control.Demand.DemandMeter? demand)
    {
        // On the site's clock, so the demand charge's half hours are the site's :00 and :30.
        var start = TimeZoneInfo.ConvertTime(slotStart, _site.TimeZone);
        var count = (int)(_settings.Horizon / _settings.Slot);
        var vehicles = new List<VehicleRequest>();
        foreach (var chargePoint in _planned)
        {
            if (snapshot.ChargePoint(chargePoint.Id) is { Value: { IsPluggedIn: true } sample } && Vehicle(chargePoint, sample, start, count) is { } vehicle)
            {
                vehicles.Add(vehicle);
            }
        }

        var battery = _battery is not null && snapshot.Battery is { } reading ? reading.Value : null;
        if (vehicles.Count == 0 && battery is null)
        {
            return null;
        }

        var pv = _forecaster.Pv(_pv.Samples, start, _settings.Slot, count);
        var load = _forecaster.Load(_load.Samples, start, _settings.Slot, count);
        var slots = _conditions.Build(start, count, pv, load, _load.LastSlot);
        _surprise.Expect(start, slots[0].LoadKw);

        var highestPrice = slots.Max(s => s.ImportPrice);
        var peakKw = demand?.PeakKw ?? 0;
        return new PlanningRequest(
            start,
            _settings.Slot,
            slots,
            new GridTerms(
                _site.Grid.EffectiveImportLimit.Kilowatts,
                _site.Grid.ExportLimit?.Kilowatts ?? _site.Grid.EffectiveImportLimit.Kilowatts,
                DemandChargePerKw: demand is null ? 0 : _site.Tariff?.DemandChargePerKw ?? 0,
                ExistingPeakKw: peakKw),
            new Penalties(UnmetEnergyPerKwh: Math.Max(1, highestPrice) * 50, Co2PricePerKg: _settings.Co2PricePerKg),
            vehicles)
        {
            HorizonTruncated = true,
            // A slot that starts inside the open half hour inherits what was already imported in it.
            Demand = new DemandState(peakKw, demand?.WindowStart < start ? demand.OpenWindowImportKwh : 0),
            LoadSurpriseKw = _surprise.Kw(_load.Samples),
            Battery = battery is null ? null : _battery,
            BatterySocKwh = battery is null ? 0 : Math.Clamp(battery.StateOfCharge, 0, 1) * _site.Battery!.Capacity.KilowattHours,
        };
    }

    private VehicleRequest? Vehicle(ChargePointDefinition chargePoint, ChargePointSample sample, DateTimeOffset start, int count)
    {
        var (targetWh, departureOverride) = _overrides.For(chargePoint.Id);
        var session = sample.Vehicle is { } reported
            ? reported with { TargetEnergy = targetWh is { } t ? new Energy(t) : reported.TargetEnergy, Departure = departureOverride ?? reported.Departure }
            : new VehicleSession { TargetEnergy = targetWh is { } t2 ? new Energy(t2) : null, Departure = departureOverride };
        var charged = sample.SessionEnergy.KilowattHours;
        var capacity = session.Capacity?.KilowattHours;
        var energy = session.StateOfCharge is { } soc && capacity is { } cap ? soc * cap : charged;
        var remaining = Math.Max(0, session.RemainingToTarget(sample.SessionEnergy)?.KilowattHours ?? (capacity is { } c ? c - energy : 0));
        // A V2H car with a known battery is worth planning even when full: it can supply the house.
        var v2h = chargePoint.Bidirectional && chargePoint.MaxDischarge.Watts > 0 && capacity is > 0 && session.StateOfCharge is not null;
        if (remaining <= 0.01 && !v2h)
        {
            return null;
        }

        var departure = session.Departure is { } leaves
            ? Math.Clamp((int)Math.Ceiling((leaves - start) / _settings.Slot), 1, count)
            : count;
        var phases = chargePoint.Phases;
        var minimumKw = chargePoint.MinPower(phases).Kilowatts;
        return new VehicleRequest(
            chargePoint.Id,
            ConnectedFromSlot: 0,
            DepartureSlot: departure,
            EnergyKwh: energy,
            TargetEnergyKwh: energy + remaining,
            CapacityKwh: Math.Max(capacity ?? 0, energy + remaining),
            MinEnergyKwh: v2h ? chargePoint.V2hMinStateOfCharge * capacity!.Value : 0,
            Charge: new ChargerRange(minimumKw, chargePoint.MaxPower(phases).Kilowatts),
            Discharge: v2h ? new ChargerRange(Math.Min(minimumKw, chargePoint.MaxDischarge.Kilowatts), chargePoint.MaxDischarge.Kilowatts) : ChargerRange.None,
            ChargeEfficiency: v2h ? V2hEfficiency : 1,
            DischargeEfficiency: v2h ? V2hEfficiency : 1)
        {
            MayExport = chargePoint.V2hExport,
        };
    }

    /// <summary>Which vehicles are waiting for a plan and what they want: a change re-plans at once.</summary>
    private string VehicleKey(SiteSnapshot snapshot) => string.Join(";", _planned.Select(c =>
        snapshot.ChargePoint(c.Id) is { Value: { IsPluggedIn: true } s }
            ? $"{c.Id}:{s.Vehicle?.TargetEnergy?.WattHours}:{s.Vehicle?.Departure?.UtcTicks}:{_overrides.For(c.Id)}"
            : $"{c.Id}:-"));
}
