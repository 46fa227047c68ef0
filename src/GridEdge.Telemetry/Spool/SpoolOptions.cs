namespace GridEdge.Telemetry.Spool;

/// <summary>Where the spool lives and how large and old it may grow before the oldest points are dropped (counted).</summary>
public sealed record SpoolOptions
{
    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    public required string Directory { get; init; }

    /// <summary>Upper bound of all segment files together.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;

    /// <summary>Points older than this (by the time they were spooled) are dropped, whole segments at a time.</summary>
    public TimeSpan MaxAge { get; init; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Size at which a segment is closed and a new one started. Drops happen a segment at a time,
    /// so by default a segment is an eighth of the bound (at most 16 MiB).
    /// </summary>
    public long? SegmentBytes { get; init; }

    internal long EffectiveSegmentBytes => SegmentBytes ?? Math.Clamp(MaxBytes / 8, 4096, 16L * 1024 * 1024);
}
