using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>What grid energy costs and earns: a base import price, time-of-use windows on top, an export price.</summary>
public sealed record TariffDefinition
{
    public required Price ImportPrice { get; init; }

    public required Price ExportPrice { get; init; }

    public IReadOnlyList<TimeOfUseWindow> TimeOfUse { get; init; } = [];

    /// <summary>Charge per kW of the billing month's highest half-hour (:00/:30 site-local) average import; 0 = none.</summary>
    public double DemandChargePerKw { get; init; }

    /// <summary>
    /// Half-hour peak already billed (Japan: the contract kW from the last 12 months; elsewhere this month's
    /// peak so far): only import averages above it cost demand charge, so the gateway never plans below it.
    /// </summary>
    public Power BilledPeak { get; init; } = Power.Zero;

    /// <summary>Import price at a site-local time of day: the first window that covers it, else the base price.</summary>
    public Price ImportAt(TimeOnly localTime) => TimeOfUse.FirstOrDefault(w => w.Covers(localTime))?.ImportPrice ?? ImportPrice;
}
