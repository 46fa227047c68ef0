namespace GridEdge.Optimization.Planning;

/// <summary>
/// An immutable plan: what the site should do in each slot of the horizon, the targets it expects to
/// miss, and how it was obtained. The controller follows <see cref="Slots"/>[0] and corrects live.
/// </summary>
public sealed record Plan(
    DateTimeOffset Start,
    TimeSpan SlotLength,
    IReadOnlyList<PlanSlot> Slots,
    IReadOnlyDictionary<string, double> ShortfallKwh,
    double Objective,
    PlanStatistics Statistics)
{
    /// <summary>The plan's slot that covers <paramref name="time"/>, or null outside the horizon.</summary>
    public PlanSlot? SlotAt(DateTimeOffset time)
    {
        var index = (int)Math.Floor((time - Start) / SlotLength);
        return index >= 0 && index < Slots.Count ? Slots[index] : null;
    }
}
