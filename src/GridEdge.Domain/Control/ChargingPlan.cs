using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>
/// What the planner asks of each chargepoint, slot by slot: the power to charge at (negative to
/// discharge), and the half-hour import it accepts. Immutable; the controller follows the slot that covers the present and decides the
/// rest itself (surplus on top, limits first).
/// </summary>
public sealed record ChargingPlan(DateTimeOffset CreatedAt, IReadOnlyList<ChargingPlanSlot> Slots)
{
    /// <summary>The planned power for a chargepoint at <paramref name="time"/>, or null when the plan does not cover it.</summary>
    public Power? PowerAt(string chargePointId, DateTimeOffset time) =>
        SlotAt(time) is { } slot ? slot.ChargePoints.GetValueOrDefault(chargePointId, Power.Zero) : null;

    /// <summary>The half-hour average import the plan accepts at <paramref name="time"/>, or null.</summary>
    public Power? ImportCeilingAt(DateTimeOffset time) => SlotAt(time)?.ImportCeiling;

    /// <summary>The slot that covers <paramref name="time"/>, or null.</summary>
    public ChargingPlanSlot? SlotAt(DateTimeOffset time)
    {
        foreach (var slot in Slots)
        {
            if (time >= slot.Start && time < slot.End)
            {
                return slot;
            }
        }

        return null;
    }
}
