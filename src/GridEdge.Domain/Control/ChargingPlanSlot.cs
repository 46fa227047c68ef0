using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>One slot of a <see cref="ChargingPlan"/>: planned power per chargepoint id.</summary>
public sealed record ChargingPlanSlot(DateTimeOffset Start, DateTimeOffset End, IReadOnlyDictionary<string, Power> ChargePoints);
