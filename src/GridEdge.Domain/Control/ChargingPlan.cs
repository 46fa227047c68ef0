using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>
/// What the planner asks of each chargepoint, slot by slot: the power to charge at (negative to
/// discharge). Immutable; the controller follows the slot that covers the present and decides the
/// rest itself (surplus on top, limits first).
/// </summary>
public sealed record ChargingPlan(DateTimeOffset CreatedAt, IReadOnlyList<ChargingPlanSlot> Slots)
{
    /// <summary>The planned power for a chargepoint at <paramref name="time"/>, or null when the plan does not cover it.</summary>
    public Power? PowerAt(string chargePointId, DateTimeOffset time)
    {
        foreach (var slot in Slots)
        {
            if (time >= slot.Start && time < slot.End)
            {
                return slot.ChargePoints.TryGetValue(chargePointId, out var power) ? power : Power.Zero;
            }
        }

        return null;
    }
}
