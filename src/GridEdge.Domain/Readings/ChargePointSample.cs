using GridEdge.Domain.Units;

namespace GridEdge.Domain.Readings;

/// <summary>What a chargepoint reported at one instant.</summary>
public sealed record ChargePointSample
{
    public required ChargePointStatus Status { get; init; }

    /// <summary>Phases currently switched on at the chargepoint (1 or 3).</summary>
    public required int ActivePhases { get; init; }

    /// <summary>Current per active phase, as measured by the charger.</summary>
    public required Current ChargeCurrent { get; init; }

    /// <summary>Signed power: + charging the vehicle, − discharging it (V2H).</summary>
    public required Power Power { get; init; }

    /// <summary>Energy delivered in the current session.</summary>
    public Energy SessionEnergy { get; init; }

    public VehicleSession? Vehicle { get; init; }

    public bool IsPluggedIn => Status is ChargePointStatus.Connected or ChargePointStatus.Charging or ChargePointStatus.Complete;
}
