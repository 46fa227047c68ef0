using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>
/// One slot of a <see cref="ChargingPlan"/>: planned power per chargepoint id, and the half-hour average
/// import the plan accepts being billed (null when the site has no demand charge).
/// </summary>
public sealed record ChargingPlanSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, Power> ChargePoints)
{
    public Power? ImportCeiling { get; init; }
}
