namespace GridEdge.Host.Configuration;

/// <summary>The <c>telemetry.spool:</c> section: the bounded on-disk buffer in front of InfluxDB.</summary>
public sealed record SpoolSettings
{
    public const string DefaultPath = "spool";

    public const long DefaultMaxBytes = 512L * 1024 * 1024;

    /// <summary>Spool directory; a relative path is relative to the working directory.</summary>
    public string Path { get; init; } = DefaultPath;

    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
