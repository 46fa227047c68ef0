using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>What grid energy costs and earns: a base import price, time-of-use windows on top, an export price.</summary>
public sealed record TariffDefinition
{
    public required Price ImportPrice { get; init; }

    public required Price ExportPrice { get; init; }

    public IReadOnlyList<TimeOfUseWindow> TimeOfUse { get; init; } = [];

    /// <summary>Import price at a site-local time of day: the first window that covers it, else the base price.</summary>
    public Price ImportAt(TimeOnly localTime) => TimeOfUse.FirstOrDefault(w => w.Covers(localTime))?.ImportPrice ?? ImportPrice;
}
