using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation;

/// <summary>
/// A chargepoint of the simulated site with the cars that use it. It obeys the last setpoint until
/// that expires, then stops (its safe behaviour). A car starts drawing 5 s after charging is
/// allowed (wake-up); reductions and increases apply at the next <see cref="SimulatedSite.Advance"/>.
/// A chargepoint with phase switching changes phases only while no current flows: asked while
/// charging, it stops, switches and restarts after the start delay.
/// </summary>
public sealed class SimulatedChargePoint : IChargePoint
{
    /// <summary>Time from charging being allowed to the car drawing current.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(5);

    /// <summary>Lowest current a car charges with (IEC 61851).</summary>
    public static readonly Current VehicleMinimum = new(6);

    private static readonly ChargePointSample NotStarted = new()
    {
        Status = ChargePointStatus.Disconnected,
        ActivePhases = 0,
        ChargeCurrent = Current.Zero,
        Power = Power.Zero,
    };

    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private readonly SiteClock _clock;
    private readonly SimulatedVehicle[] _vehicles;
    private readonly int _gridPhase;

    private Setpoint? _setpoint;
    private Setpoint? _previousSetpoint;
    private DateTimeOffset _setpointReceivedAt;
    private int _setpointsReceived;

    private int _switchedPhases;
    private bool _drawing;
    private DateTimeOffset? _allowedSince;
    private SimulatedVehicle? _vehicle;
    private DateTimeOffset _arrival;
    private DateTimeOffset _departure;

    private Current _current;
    private Power _power;
    private int _drawPhases;
    private ChargePointSample? _sample;

    internal SimulatedChargePoint(
        ChargePointDefinition definition,
        IEnumerable<SimulatedVehicleSettings> vehicles,
        SiteClock clock,
        TimeProvider time,
        Lock gate)
    {
        Definition = definition;
        _clock = clock;
        _time = time;
        _gate = gate;
        _vehicles = [.. vehicles.Select(v => new SimulatedVehicle(v))];
        _gridPhase = Math.Clamp(definition.GridPhase, 1, 3);
        _switchedPhases = Math.Clamp(definition.Phases, 1, 3);
    }

    public string Id => Definition.Id;

    public ChargePointDefinition Definition { get; }

    /// <summary>How many setpoints <see cref="ApplyAsync"/> accepted.</summary>
    public int SetpointsReceived
    {
        get
        {
            lock (_gate)
            {
                return _setpointsReceived;
            }
        }
    }

    /// <summary>The last setpoint accepted (phases clamped to the charger's), expired or not.</summary>
    public Setpoint? LastSetpoint
    {
        get
        {
            lock (_gate)
            {
                return _setpoint;
            }
        }
    }

    /// <summary>The chargepoint's state at the last advance: what <see cref="ReadAsync"/> reports.</summary>
    public ChargePointSample Sample => Volatile.Read(ref _sample) ?? NotStarted;

    /// <summary>Energy delivered to cars over all sessions.</summary>
    internal Energy TotalCharged { get; private set; }

    internal Energy TotalDischarged { get; private set; }

    internal Power Power => _power;

    public ValueTask<Reading<ChargePointSample>> ReadAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Reading<ChargePointSample>>(cancellationToken);
        }

        var sample = Volatile.Read(ref _sample);
        var quality = sample is null ? ReadingQuality.Invalid : ReadingQuality.Good;
        return ValueTask.FromResult(new Reading<ChargePointSample>(sample ?? NotStarted, _time.GetUtcNow(), quality, Id));
    }

    public ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (!string.Equals(setpoint.ChargePointId, Id, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"Setpoint for chargepoint '{setpoint.ChargePointId}' was sent to chargepoint '{Id}'.", nameof(setpoint));
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        var phases = Math.Clamp(setpoint.Phases, 1, Definition.Phases);
        var accepted = phases == setpoint.Phases ? setpoint : setpoint with { Phases = phases };
        lock (_gate)
        {
            _previousSetpoint = _setpoint;
            _setpoint = accepted;
            _setpointReceivedAt = _time.GetUtcNow();
            _setpointsReceived++;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Delivers the current draw for <paramref name="duration"/> (at most what the car still takes)
    /// and returns the energy. Called under the site's lock before <see cref="Step"/>.
    /// </summary>
    internal Energy Integrate(TimeSpan duration)
    {
        if (_vehicle is not { } vehicle || _power == Power.Zero || duration <= TimeSpan.Zero)
        {
            return Energy.Zero;
        }

        if (_power < Power.Zero)
        {
            // V2H: the car gives energy back, down to its own floor.
            var given = _power.Abs() * duration;
            if (given > vehicle.Dischargeable)
            {
                given = vehicle.Dischargeable;
            }

            vehicle.Discharge(given);
            TotalDischarged += given;
            return Energy.Zero - given;
        }

        var energy = _power * duration;
        var room = vehicle.Room;
        if (energy > room)
        {
            // The car fills up within this step and stops there.
            energy = room;
        }

        vehicle.Charge(energy);
        TotalCharged += energy;
        return energy;
    }

    /// <summary>
    /// Brings the chargepoint and its car to <paramref name="to"/> (simulated local time
    /// <paramref name="local"/>): plug state, setpoint, start delay, phase switching and the draw
    /// held until the next step. Called under the site's lock.
    /// </summary>
    internal void Step(DateTimeOffset from, DateTimeOffset to, DateTime local)
    {
        UpdatePlug(local);

        // A setpoint received during a long advance counts from when it arrived.
        var received = _setpointReceivedAt > from && _setpointReceivedAt <= to;
        var setpoint = to >= _setpointReceivedAt ? _setpoint : _previousSetpoint;
        if (setpoint is not null && to > setpoint.ExpiresAt)
        {
            setpoint = null;
        }

        var offered = Offered(setpoint);
        var restart = false;
        if (setpoint is not null && Definition.PhaseSwitching && setpoint.Phases != _switchedPhases)
        {
            restart = _drawing;
            _drawing = false;
            _switchedPhases = setpoint.Phases;
        }

        var discharge = DischargeRequested(setpoint);
        var allowed = (_vehicle is { IsComplete: false } && offered > Current.Zero)
            || (_vehicle is { } v && discharge > Power.Zero && v.Dischargeable > Energy.Zero);
        if (!allowed)
        {
            _allowedSince = null;
            _drawing = false;
        }
        else
        {
            if (restart || _allowedSince is null)
            {
                // Charging became allowed (or restarts after a phase switch) at the event that made it so.
                var since = received ? _setpointReceivedAt : from;
                if (!restart && _arrival > since && _arrival <= to)
                {
                    since = _arrival;
                }

                _allowedSince = since;
            }

            if (to - _allowedSince >= StartDelay)
            {
                _drawing = true;
            }
        }

        _current = Current.Zero;
        _power = Power.Zero;
        _drawPhases = 0;
        if (_drawing)
        {
            var vehicle = _vehicle!;
            _drawPhases = Math.Min(Math.Min(vehicle.Phases, setpoint!.Phases), _switchedPhases);
            if (discharge > Power.Zero)
            {
                _power = -discharge;
                _current = discharge.PerPhaseCurrent(Definition.Voltage, _drawPhases);
            }
            else
            {
                _current = vehicle.Accepts(offered);
                _power = _current.ToPower(Definition.Voltage, _drawPhases);
            }
        }
    }

    /// <summary>Adds this chargepoint's draw to the grid's phases (index 0 = L1).</summary>
    internal void AddPhasePowers(Span<double> phases)
    {
        if (_drawPhases == 0)
        {
            return;
        }

        if (phases.Length == 1)
        {
            phases[0] += _power.Watts;
            return;
        }

        var perPhase = _power.Watts / _drawPhases;
        for (var k = 0; k < _drawPhases; k++)
        {
            phases[(_gridPhase - 1 + k) % phases.Length] += perPhase;
        }
    }

    internal void Publish()
    {
        var vehicle = _vehicle;
        var status = vehicle is null ? ChargePointStatus.Disconnected
            : _drawPhases > 0 ? ChargePointStatus.Charging
            : vehicle.IsComplete ? ChargePointStatus.Complete
            : ChargePointStatus.Connected;

        var sample = new ChargePointSample
        {
            Status = status,
            ActivePhases = _drawPhases > 0 ? _drawPhases : _switchedPhases,
            ChargeCurrent = _current,
            Power = _power,
            SessionEnergy = vehicle?.SessionEnergy ?? Energy.Zero,
            Vehicle = vehicle is null ? null : new VehicleSession
            {
                VehicleId = vehicle.Settings.Name,
                StateOfCharge = vehicle.StateOfCharge,
                Capacity = vehicle.Settings.Capacity,
                TargetEnergy = vehicle.Settings.TargetEnergy,
                Departure = _departure,
            },
        };
        Volatile.Write(ref _sample, sample);
    }

    /// <summary>Discharge power a V2H setpoint asks for, within the charger's limit; zero otherwise.</summary>
    private Power DischargeRequested(Setpoint? setpoint) =>
        setpoint is { IsDischarge: true } && Definition.Bidirectional
            ? Power.Min(setpoint.Power.Abs(), Definition.MaxDischarge)
            : Power.Zero;

    /// <summary>The current the setpoint offers the car, or zero when it means stop.</summary>
    private Current Offered(Setpoint? setpoint)
    {
        if (setpoint is null || setpoint.IsDischarge)
        {
            return Current.Zero;
        }

        var offered = Current.Min(setpoint.Current, Definition.MaxCurrent).FloorTo(Definition.CurrentStep);
        var minimum = Current.Max(Definition.MinCurrent, VehicleMinimum);
        return offered.Amperes >= minimum.Amperes - 1e-9 ? offered : Current.Zero;
    }

    private void UpdatePlug(DateTime local)
    {
        var time = TimeOnly.FromDateTime(local);
        if (_vehicle is { } plugged
            && (!plugged.Schedule.Contains(time) || plugged.Schedule.SessionDate(local) != plugged.Session))
        {
            plugged.Leave();
            _vehicle = null;
            _drawing = false;
            _allowedSince = null;
        }

        if (_vehicle is not null)
        {
            return;
        }

        foreach (var vehicle in _vehicles)
        {
            if (!vehicle.Schedule.Contains(time))
            {
                continue;
            }

            var session = vehicle.Schedule.SessionDate(local);
            if (session == vehicle.EndedSession)
            {
                continue;
            }

            vehicle.Arrive(session);
            _vehicle = vehicle;
            _arrival = _clock.FromLocal(vehicle.Schedule.Arrival(session));
            _departure = _clock.FromLocal(vehicle.Schedule.Departure(session));
            break;
        }
    }
}
