namespace GridEdge.Domain.Readings;

/// <summary>A value read from a device, when it was measured and how good it is.</summary>
public sealed record Reading<T>(T Value, DateTimeOffset Timestamp, ReadingQuality Quality, string Source)
{
    public TimeSpan AgeAt(DateTimeOffset now) => now - Timestamp;

    /// <summary>Good or estimated, and not older than <paramref name="maxAge"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now, TimeSpan maxAge) =>
        Quality != ReadingQuality.Invalid && AgeAt(now) <= maxAge;
}
