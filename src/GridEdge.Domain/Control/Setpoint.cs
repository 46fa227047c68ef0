using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>
/// What a chargepoint is told to do: a current per phase on a number of phases (or a power target),
/// signed power for discharge, valid until <see cref="ExpiresAt"/> after which the charger falls
/// back to its own safe value.
/// </summary>
public sealed record Setpoint
{
    public required string ChargePointId { get; init; }

    public required SetpointKind Kind { get; init; }

    /// <summary>Current per phase; zero means stop. Always non-negative: the direction is in <see cref="Power"/>.</summary>
    public required Current Current { get; init; }

    public required int Phases { get; init; }

    /// <summary>Signed power: + charge, − discharge (V2H).</summary>
    public required Power Power { get; init; }

    public required DateTimeOffset IssuedAt { get; init; }

    public required DateTimeOffset ExpiresAt { get; init; }

    public bool IsStop => Current.Amperes <= 0 && Power.Watts == 0;

    public bool IsDischarge => Power.Watts < 0;

    public static Setpoint ForCurrent(string chargePointId, Current current, int phases, Voltage voltage, DateTimeOffset now, TimeSpan ttl) => new()
    {
        ChargePointId = chargePointId,
        Kind = SetpointKind.Current,
        Current = current,
        Phases = phases,
        Power = current.ToPower(voltage, phases),
        IssuedAt = now,
        ExpiresAt = now + ttl,
    };

    public static Setpoint ForPower(string chargePointId, Power power, int phases, Voltage voltage, DateTimeOffset now, TimeSpan ttl) => new()
    {
        ChargePointId = chargePointId,
        Kind = SetpointKind.Power,
        Current = power.Abs().PerPhaseCurrent(voltage, phases),
        Phases = phases,
        Power = power,
        IssuedAt = now,
        ExpiresAt = now + ttl,
    };

    /// <summary>True when this setpoint asks for something different from <paramref name="other"/> by more than <paramref name="tolerance"/>.</summary>
    public bool DiffersFrom(Setpoint? other, Current tolerance) =>
        other is null
        || other.Kind != Kind
        || other.Phases != Phases
        || other.IsStop != IsStop
        || Math.Abs(other.Current.Amperes - Current.Amperes) > tolerance.Amperes
        || Math.Sign(other.Power.Watts) != Math.Sign(Power.Watts);
}
