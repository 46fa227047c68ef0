namespace GridEdge.Host.Configuration;

/// <summary>The <c>telemetry.influx:</c> section. Secrets come from GRIDEDGE_INFLUX_* variables, never from here.</summary>
public sealed record InfluxSettings
{
    public required Uri Url { get; init; }

    /// <summary>InfluxDB API version: 1 (database + retention policy) or 2 (org + bucket).</summary>
    public required int Version { get; init; }

    public string? Database { get; init; }

    public string? RetentionPolicy { get; init; }

    public string? Org { get; init; }

    public string? Bucket { get; init; }
}
