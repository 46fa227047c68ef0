using GridEdge.Domain.Site;

namespace GridEdge.Devices.Polling;

/// <summary>How one device is polled: its interval, how far a dead device backs off, when a reading is stale.</summary>
public sealed record PollSettings(TimeSpan Interval, TimeSpan MaxBackoff, TimeSpan StaleAfter)
{
    /// <summary>The grid meter is retried at least every 2 s: control must resume within seconds of it answering.</summary>
    public static readonly TimeSpan GridMaxBackoff = TimeSpan.FromSeconds(2);

    public static readonly TimeSpan DefaultMaxBackoff = TimeSpan.FromSeconds(30);

    public static PollSettings For(MeterDefinition meter) => new(
        meter.PollInterval,
        meter.Role == MeterRole.Grid ? TimeSpan.FromTicks(Math.Max(meter.PollInterval.Ticks, GridMaxBackoff.Ticks)) : DefaultMaxBackoff,
        meter.PollInterval * 3);

    /// <summary>Wait before the next try after <paramref name="failures"/> failures in a row: doubling from the interval, capped.</summary>
    public TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, Interval.Ticks << Math.Clamp(failures - 1, 0, 20)));
}
