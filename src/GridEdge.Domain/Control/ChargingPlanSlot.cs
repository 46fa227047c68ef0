using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>
/// One slot of a <see cref="ChargingPlan"/>: planned power per chargepoint id, and the half-hour average
/// import the plan accepts being billed (null when the site has no demand charge).
/// </summary>
public sealed record ChargingPlanSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, Power> ChargePoints)
{
    public Power? ImportCeiling { get; init; }

    /// <summary>The battery's planned power (+ charge); null when the plan has no battery.</summary>
    public Power? Battery { get; init; }

    /// <summary>The grid's planned net power (+ import, − export); the battery holds it where the forecast errs.</summary>
    public Power? Grid { get; init; }
}
