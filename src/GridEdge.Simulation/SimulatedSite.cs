using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation;

/// <summary>
/// A physically plausible simulated site (PV, house, cars on chargepoints, a stationary battery,
/// grid connection) driven
/// only by the injected <see cref="TimeProvider"/> and deterministic for a given seed. Call
/// <see cref="Advance"/> to integrate up to the provider's now; meters and chargepoints then report
/// the state at that instant. Thread-safe: devices may be read and commanded from other threads.
/// </summary>
public sealed class SimulatedSite
{
    /// <summary>Longest integration step; longer advances are cut into steps of at most this.</summary>
    public static readonly TimeSpan MaxStep = TimeSpan.FromSeconds(1);

    // Households are rarely balanced: the split that makes per-phase limits matter.
    private static readonly double[] HousePhaseShares = [0.5, 0.3, 0.2];

    private readonly Lock _gate = new();
    private readonly SimulationSettings _settings;
    private readonly TimeProvider _time;
    private readonly SiteClock _clock;
    private readonly PvProfile _pv;
    private readonly HouseLoad _house;
    private readonly SimulatedMeter[] _meters;
    private readonly SimulatedChargePoint[] _chargePoints;
    private readonly SimulatedBattery? _battery;
    private readonly Voltage _voltage;
    private readonly double[] _phasePower;
    private readonly double[] _maxPhaseCurrent;

    private DateTimeOffset? _last;
    private TimeSpan _elapsed;
    private Power _pvPower;
    private Power _housePower;
    private Power _gridPower;
    private Energy _gridImport;
    private Energy _gridExport;
    private Energy _pvEnergy;
    private Energy _houseEnergy;
    private Power _maxGridImport;
    private IReadOnlyList<Current> _gridPhaseCurrents;

    public SimulatedSite(SiteDefinition site, SimulationSettings settings, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(time);
        Validate(site, settings);

        _settings = settings;
        _time = time;
        _clock = new SiteClock(site.TimeZone);
        var hash = new SeededHash(settings.Seed);
        _pv = new PvProfile(settings.Pv, hash);
        _house = new HouseLoad(settings.House, hash);
        _voltage = site.Grid.Voltage;
        _phasePower = new double[site.Grid.Phases];
        _maxPhaseCurrent = new double[site.Grid.Phases];
        _gridPhaseCurrents = [.. _phasePower.Select(_ => Current.Zero)];

        _meters = [.. site.Meters.Where(m => m.Connection is SimulatedConnection || m.Simulated).Select(m => new SimulatedMeter(m, time))];
        _chargePoints =
        [
            .. site.ChargePoints
                .Where(c => c.Simulated || string.Equals(c.Protocol, "simulated", StringComparison.OrdinalIgnoreCase))
                .Select(c => new SimulatedChargePoint(
                    c, settings.Vehicles.Where(v => string.Equals(v.ChargePointId, c.Id, StringComparison.Ordinal)), _clock, time, _gate)),
        ];
        if (site.Battery is { Simulated: true } battery)
        {
            _battery = new SimulatedBattery(battery, time, _gate, settings.BatteryStateOfCharge);
        }

        Meters = Array.AsReadOnly<IMeter>(_meters);
        ChargePoints = Array.AsReadOnly<IChargePoint>(_chargePoints);
    }

    /// <summary>One meter per site meter with a <see cref="SimulatedConnection"/>.</summary>
    public IReadOnlyList<IMeter> Meters { get; }

    /// <summary>One <see cref="SimulatedChargePoint"/> per chargepoint with protocol "simulated" or marked simulated (played over MQTT).</summary>
    public IReadOnlyList<IChargePoint> ChargePoints { get; }

    /// <summary>The site's battery when it is marked simulated, else null.</summary>
    public SimulatedBattery? Battery => _battery;

    /// <summary>The site's local wall-clock time as the simulation sees it (shifted when <see cref="SimulationSettings.StartTime"/> is set).</summary>
    public DateTime LocalTime
    {
        get
        {
            lock (_gate)
            {
                return _clock.Local(_last ?? _time.GetUtcNow());
            }
        }
    }

    /// <summary>PV generation at the last advance (positive).</summary>
    public Power PvPower => Locked(() => _pvPower);

    /// <summary>House consumption without the chargepoints at the last advance.</summary>
    public Power HousePower => Locked(() => _housePower);

    /// <summary>Grid power at the last advance (+ import, − export).</summary>
    public Power GridPower => Locked(() => _gridPower);

    /// <summary>Signed grid current per phase at the last advance.</summary>
    public IReadOnlyList<Current> GridPhaseCurrents => Locked(() => _gridPhaseCurrents);

    public SimulationTotals Totals => Locked(() => new SimulationTotals
    {
        Elapsed = _elapsed,
        GridImport = _gridImport,
        GridExport = _gridExport,
        PvGeneration = _pvEnergy,
        HouseConsumption = _houseEnergy,
        Charged = _chargePoints.ToDictionary(c => c.Id, c => c.TotalCharged, StringComparer.Ordinal),
        Discharged = _chargePoints.ToDictionary(c => c.Id, c => c.TotalDischarged, StringComparer.Ordinal),
        BatteryCharged = _battery?.TotalCharged ?? Energy.Zero,
        BatteryDischarged = _battery?.TotalDischarged ?? Energy.Zero,
        MaxGridImport = _maxGridImport,
        MaxPhaseCurrents = [.. _maxPhaseCurrent.Select(a => new Current(a))],
    });

    /// <summary>The simulated chargepoint with id <paramref name="id"/>.</summary>
    public SimulatedChargePoint ChargePoint(string id) =>
        _chargePoints.FirstOrDefault(c => string.Equals(c.Id, id, StringComparison.Ordinal))
        ?? throw new ArgumentException($"The simulated site has no chargepoint '{id}'.", nameof(id));

    /// <summary>Makes a meter stop answering (its reads throw <see cref="TimeoutException"/>) or answer again.</summary>
    public void SetMeterOffline(string meterId, bool offline)
    {
        var meter = _meters.FirstOrDefault(m => string.Equals(m.Id, meterId, StringComparison.Ordinal))
            ?? throw new ArgumentException($"The simulated site has no meter '{meterId}'.", nameof(meterId));
        meter.Offline = offline;
    }

    /// <summary>
    /// Integrates the site from the last advance up to the time provider's now in steps of at most
    /// <see cref="MaxStep"/>, each holding the state computed at its start. The first call only
    /// fixes the start and computes the state at it.
    /// </summary>
    public void Advance()
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (_last is not { } last)
            {
                _clock.Start(now, _settings.StartTime);
                Step(now, now);
                _last = now;
                Publish();
                return;
            }

            if (now <= last)
            {
                return;
            }

            var ticks = (now - last).Ticks;
            var steps = (ticks + MaxStep.Ticks - 1) / MaxStep.Ticks;
            var from = last;
            for (long i = 1; i <= steps; i++)
            {
                var to = i == steps ? now : last + TimeSpan.FromTicks((long)((Int128)ticks * i / steps));
                Step(from, to);
                from = to;
            }

            _last = now;
            Publish();
        }
    }

    private static void Validate(SiteDefinition site, SimulationSettings settings)
    {
        if (site.Grid.Phases is not (1 or 3))
        {
            throw new ArgumentException($"Grid phases must be 1 or 3, not {site.Grid.Phases}.", nameof(site));
        }

        foreach (var vehicle in settings.Vehicles)
        {
            var name = vehicle.Name ?? vehicle.ChargePointId;
            if (!site.ChargePoints.Any(c => string.Equals(c.Id, vehicle.ChargePointId, StringComparison.Ordinal)))
            {
                throw new ArgumentException(
                    $"Simulated vehicle '{name}' uses chargepoint '{vehicle.ChargePointId}', which the site does not have.", nameof(settings));
            }

            if (vehicle.Capacity <= Energy.Zero)
            {
                throw new ArgumentException($"Simulated vehicle '{name}' needs a positive capacity.", nameof(settings));
            }
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }

    /// <summary>
    /// Integrates the state held since <paramref name="from"/> over the step, then computes the
    /// state at <paramref name="to"/> that the devices report and the next step integrates.
    /// </summary>
    private void Step(DateTimeOffset from, DateTimeOffset to)
    {
        var duration = to - from;
        if (duration > TimeSpan.Zero)
        {
            var pvEnergy = _pvPower * duration;
            var houseEnergy = _housePower * duration;
            var charged = Energy.Zero;
            foreach (var chargePoint in _chargePoints)
            {
                charged += chargePoint.Integrate(duration);
            }

            var battery = _battery?.Integrate(duration) ?? Energy.Zero;
            var net = houseEnergy + charged + battery - pvEnergy;
            _elapsed += duration;
            _pvEnergy += pvEnergy;
            _houseEnergy += houseEnergy;
            if (net > Energy.Zero)
            {
                _gridImport += net;
            }
            else
            {
                _gridExport -= net;
            }
        }

        var local = _clock.Local(to);
        var timeOfDay = local.TimeOfDay;
        var seconds = _clock.Seconds(to);
        var pv = _pv.At(timeOfDay, seconds);
        var house = _house.At(timeOfDay, seconds);

        var phases = _phasePower.AsSpan();
        if (phases.Length == 1)
        {
            phases[0] = house.Watts - pv.Watts;
        }
        else
        {
            for (var p = 0; p < phases.Length; p++)
            {
                phases[p] = (house.Watts * HousePhaseShares[p]) - (pv.Watts / phases.Length);
            }
        }

        var charging = Power.Zero;
        foreach (var chargePoint in _chargePoints)
        {
            chargePoint.Step(from, to, local);
            chargePoint.AddPhasePowers(phases);
            charging += chargePoint.Power;
        }

        var batteryPower = Power.Zero;
        if (_battery is { } stationary)
        {
            stationary.Step();
            batteryPower = stationary.Power;

            // A three-phase storage inverter balances its power over the phases.
            for (var p = 0; p < phases.Length; p++)
            {
                phases[p] += batteryPower.Watts / phases.Length;
            }
        }

        _pvPower = pv;
        _housePower = house;
        _gridPower = house + charging + batteryPower - pv;
        _maxGridImport = Power.Max(_maxGridImport, _gridPower);
        for (var p = 0; p < phases.Length; p++)
        {
            _maxPhaseCurrent[p] = Math.Max(_maxPhaseCurrent[p], Math.Abs(phases[p] / _voltage.Volts));
        }
    }

    private void Publish()
    {
        var phaseCount = _phasePower.Length;
        var gridCurrents = PhaseCurrents(p => _phasePower[p]);
        var pvCurrents = PhaseCurrents(_ => -_pvPower.Watts / phaseCount);
        var houseCurrents = PhaseCurrents(p => phaseCount == 1 ? _housePower.Watts : _housePower.Watts * HousePhaseShares[p]);
        _gridPhaseCurrents = gridCurrents;

        foreach (var meter in _meters)
        {
            meter.Publish(meter.Role switch
            {
                MeterRole.Grid => new MeterSample
                {
                    Power = _gridPower,
                    PhaseCurrents = gridCurrents,
                    ImportedEnergy = _gridImport,
                    ExportedEnergy = _gridExport,
                },
                MeterRole.Pv => new MeterSample
                {
                    Power = -_pvPower,
                    PhaseCurrents = pvCurrents,
                    ImportedEnergy = Energy.Zero,
                    ExportedEnergy = _pvEnergy,
                },
                MeterRole.Battery when _battery is { } battery => new MeterSample
                {
                    Power = battery.Power,
                    PhaseCurrents = PhaseCurrents(_ => battery.Power.Watts / phaseCount),
                    ImportedEnergy = battery.TotalCharged,
                    ExportedEnergy = battery.TotalDischarged,
                },
                MeterRole.Load => new MeterSample
                {
                    Power = _housePower,
                    PhaseCurrents = houseCurrents,
                    ImportedEnergy = _houseEnergy,
                    ExportedEnergy = Energy.Zero,
                },
                _ => new MeterSample
                {
                    Power = Power.Zero,
                    PhaseCurrents = PhaseCurrents(_ => 0),
                    ImportedEnergy = Energy.Zero,
                    ExportedEnergy = Energy.Zero,
                },
            });
        }

        foreach (var chargePoint in _chargePoints)
        {
            chargePoint.Publish();
        }

        _battery?.Publish();
    }

    private Current[] PhaseCurrents(Func<int, double> watts)
    {
        var currents = new Current[_phasePower.Length];
        for (var p = 0; p < currents.Length; p++)
        {
            currents[p] = new Current(watts(p) / _voltage.Volts);
        }

        return currents;
    }
}
