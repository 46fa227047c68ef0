using System.Collections.Frozen;

namespace GridEdge.Domain.Readings;

/// <summary>
/// The latest reading of every device at one instant, frozen so that one control cycle sees one
/// consistent site. Missing devices have no entry; stale ones keep their old timestamp.
/// </summary>
public sealed class SiteSnapshot
{
    public SiteSnapshot(
        DateTimeOffset time,
        IReadOnlyDictionary<string, Reading<MeterSample>> meters,
        IReadOnlyDictionary<string, Reading<ChargePointSample>> chargePoints)
    {
        Time = time;
        Meters = meters.ToFrozenDictionary(StringComparer.Ordinal);
        ChargePoints = chargePoints.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public DateTimeOffset Time { get; }

    public FrozenDictionary<string, Reading<MeterSample>> Meters { get; }

    public FrozenDictionary<string, Reading<ChargePointSample>> ChargePoints { get; }

    /// <summary>The site battery's latest reading; null without a controlled battery or before its first read.</summary>
    public Reading<BatterySample>? Battery { get; init; }

    public Reading<MeterSample>? Meter(string id) => Meters.GetValueOrDefault(id);

    public Reading<ChargePointSample>? ChargePoint(string id) => ChargePoints.GetValueOrDefault(id);
}
