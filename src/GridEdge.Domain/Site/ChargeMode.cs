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

    /// <summary>
    /// Vehicle-to-home (bidirectional chargepoints): charge from surplus like <see cref="Solar"/>,
    /// discharge to cover the house when it would import, down to the vehicle's minimum charge.
    /// </summary>
    V2h,

    /// <summary>
    /// Follow the planner: reach the vehicle's target by its departure at least cost, charging at
    /// least the planned power and more when there is PV surplus.
    /// </summary>
    Plan,
}
