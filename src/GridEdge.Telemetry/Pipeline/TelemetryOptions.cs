using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;

namespace GridEdge.Telemetry.Pipeline;

/// <summary>Everything a <see cref="TelemetryPipeline"/> needs; built by the host from the site file and GRIDEDGE_INFLUX_*.</summary>
public sealed record TelemetryOptions
{
    public required SpoolOptions Spool { get; init; }

    /// <summary>The server; null = spool-only (the demo default): points stay on disk, counted as spooled.</summary>
    public InfluxTarget? Influx { get; init; }

    public InfluxCredentials Credentials { get; init; } = InfluxCredentials.None;

    /// <summary>A request is sent as soon as this many points wait …</summary>
    public int BatchSize { get; init; } = 5_000;

    /// <summary>… or when the oldest waiting point has waited this long.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Upper bound of one request body before compression.</summary>
    public int MaxBatchBytes { get; init; } = 2 * 1024 * 1024;

    /// <summary>Points between <see cref="TelemetryPipeline.Record(TelemetryPoint)"/> and the spool; beyond it points are dropped (counted) rather than block the caller.</summary>
    public int QueueCapacity { get; init; } = 50_000;

    /// <summary>Dead-letter file; by default <c>dead-letter.lp</c> in the spool directory.</summary>
    public string? DeadLetterPath { get; init; }

    public ExponentialBackoff? Backoff { get; init; }

    internal string EffectiveDeadLetterPath => DeadLetterPath ?? System.IO.Path.Combine(Spool.Directory, "dead-letter.lp");
}
