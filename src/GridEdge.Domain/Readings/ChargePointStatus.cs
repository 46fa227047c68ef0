namespace GridEdge.Domain.Readings;

/// <summary>IEC 61851-style state of a chargepoint as the controller needs it.</summary>
public enum ChargePointStatus
{
    /// <summary>No vehicle plugged in (state A).</summary>
    Disconnected,

    /// <summary>Vehicle plugged in, not drawing current (state B).</summary>
    Connected,

    /// <summary>Vehicle drawing current (state C).</summary>
    Charging,

    /// <summary>Vehicle plugged in and reports it is full.</summary>
    Complete,

    /// <summary>Charger reports a fault.</summary>
    Error,
}
