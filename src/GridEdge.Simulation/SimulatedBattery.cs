using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Simulation;

/// <summary>
/// The site's stationary battery. It holds the last commanded AC power, limited each step to its
/// charge/discharge power and to what the state-of-charge window still allows, so a step ends at
/// the bound instead of crossing it. Charging stores AC × charge efficiency; discharging draws
/// AC ÷ discharge efficiency from the store. Integrated by <see cref="SimulatedSite"/> under its lock.
/// </summary>
public sealed class SimulatedBattery : IBattery
{
    private readonly Lock _gate;
    private readonly TimeProvider _time;
    private Power _commanded;
    private Energy _stored;
    private Power _power;
    private BatterySample? _sample;

    internal SimulatedBattery(BatteryDefinition definition, TimeProvider time, Lock gate, double initialStateOfCharge = 0.5)
    {
        if (definition.Capacity <= Energy.Zero)
        {
            throw new ArgumentException($"Simulated battery '{definition.Id}' needs a positive capacity.", nameof(definition));
        }

        if (initialStateOfCharge is < 0 or > 1 || double.IsNaN(initialStateOfCharge))
        {
            throw new ArgumentOutOfRangeException(nameof(initialStateOfCharge), initialStateOfCharge, "a state of charge is 0–1");
        }

        Definition = definition;
        _time = time;
        _gate = gate;
        _stored = definition.Capacity * initialStateOfCharge;
    }

    public string Id => Definition.Id;

    public BatteryDefinition Definition { get; }

    /// <summary>The last power commanded (as given, before any limit).</summary>
    public Power Commanded
    {
        get
        {
            lock (_gate)
            {
                return _commanded;
            }
        }
    }

    /// <summary>AC energy taken in by charging since the start.</summary>
    internal Energy TotalCharged { get; private set; }

    /// <summary>AC energy given out by discharging since the start.</summary>
    internal Energy TotalDischarged { get; private set; }

    /// <summary>AC power held since the last step (+ charging).</summary>
    internal Power Power => _power;

    private double StateOfCharge => _stored / Definition.Capacity;

    public ValueTask<Reading<BatterySample>> ReadAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Reading<BatterySample>>(cancellationToken);
        }

        var sample = Volatile.Read(ref _sample);
        var quality = sample is null ? ReadingQuality.Invalid : ReadingQuality.Good;
        return ValueTask.FromResult(new Reading<BatterySample>(sample ?? new BatterySample(Power.Zero, 0), _time.GetUtcNow(), quality, Id));
    }

    public ValueTask SetPowerAsync(Power setpoint, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        if (!double.IsFinite(setpoint.Watts))
        {
            throw new ArgumentOutOfRangeException(nameof(setpoint), setpoint, "a battery setpoint must be finite");
        }

        lock (_gate)
        {
            _commanded = setpoint;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Runs the held power for <paramref name="duration"/> and returns the AC energy (+ charged,
    /// − discharged). Called under the site's lock before <see cref="Step"/>.
    /// </summary>
    internal Energy Integrate(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero || _power == Power.Zero)
        {
            return Energy.Zero;
        }

        var ac = _power * duration;
        if (ac > Energy.Zero)
        {
            _stored += ac * Definition.ChargeEfficiency;
            TotalCharged += ac;
        }
        else
        {
            _stored -= (Energy.Zero - ac) * (1 / Definition.DischargeEfficiency);
            TotalDischarged -= ac;
        }

        // Rounding only: the held power was limited so that a step ends at the bound at most.
        _stored = Clamp(_stored, Definition.Capacity * Definition.MinStateOfCharge, Definition.Capacity * Definition.MaxStateOfCharge);
        return ac;
    }

    /// <summary>Picks the power held until the next step. Called under the site's lock.</summary>
    internal void Step() =>
        // Steps are at most MaxStep long, so a power that cannot cross a bound in MaxStep never does.
        _power = Limit(_commanded, SimulatedSite.MaxStep);

    internal void Publish() => Volatile.Write(ref _sample, new BatterySample(_power, StateOfCharge));

    /// <summary>The command within the power limits and what the SoC window takes in <paramref name="step"/>.</summary>
    private Power Limit(Power command, TimeSpan step)
    {
        if (command > Power.Zero)
        {
            var room = (Definition.Capacity * Definition.MaxStateOfCharge) - _stored;
            var fits = room <= Energy.Zero ? Power.Zero : room * (1 / Definition.ChargeEfficiency) / step;
            return Power.Min(Power.Min(command, Definition.MaxChargePower), fits);
        }

        if (command < Power.Zero)
        {
            var available = _stored - (Definition.Capacity * Definition.MinStateOfCharge);
            var fits = available <= Energy.Zero ? Power.Zero : available * Definition.DischargeEfficiency / step;
            return -Power.Min(Power.Min(command.Abs(), Definition.MaxDischargePower), fits);
        }

        return Power.Zero;
    }

    private static Energy Clamp(Energy value, Energy min, Energy max) => value < min ? min : value > max ? max : value;
}
