namespace GridEdge.Host.Configuration;

/// <summary>The <c>telemetry:</c> section.</summary>
public sealed record TelemetrySettings
{
    /// <summary>Null when the site file has no <c>telemetry.influx</c> section (points stay in the spool).</summary>
    public InfluxSettings? Influx { get; init; }

    public SpoolSettings Spool { get; init; } = new();
}
