namespace GridEdge.Domain.Site;

/// <summary>How a chargepoint is to charge.</summary>
public enum ChargeMode
{
    /// <summary>Never charge.</summary>
    Off,

    /// <summary>Charge at the highest current the limits allow.</summary>
    Now,

    /// <summary>Charge only from PV surplus.</summary>
    Solar,

    /// <summary>Always charge at minimum current, more when there is surplus.</summary>
    MinSolar,
}
