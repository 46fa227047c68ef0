namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// A fixed time-of-use tariff as data (e.g. from the site file): import bands by local time of day,
/// a flat export price. The first band that covers a time wins; a time no band covers is an error.
/// </summary>
public sealed record TimeOfUseTariff(IReadOnlyList<TimeOfUseBand> Bands, double ExportPricePerKwh)
{
    /// <summary>Import price at <paramref name="time"/> (its own offset's local time).</summary>
    public double ImportAt(DateTimeOffset time)
    {
        var local = TimeOnly.FromTimeSpan(time.TimeOfDay);
        foreach (var band in Bands)
        {
            if (band.Covers(local))
            {
                return band.PricePerKwh;
            }
        }

        throw new InvalidOperationException($"No tariff band covers {local:HH:mm}");
    }

    /// <summary>Import prices of <paramref name="count"/> slots from <paramref name="start"/> (the price at each slot's start).</summary>
    public double[] ImportPrices(DateTimeOffset start, TimeSpan slot, int count) =>
        Enumerable.Range(0, count).Select(i => ImportAt(start + (slot * i))).ToArray();
}
