using GridEdge.Telemetry.Pipeline;

namespace GridEdge.Host.Runtime;

/// <summary>
/// Telemetry points of this run for the summary (CLI.md). Points recovered from an earlier run's
/// spool count as produced, so that produced = written + spooled + dropped + dead_lettered holds.
/// </summary>
internal sealed record RunTelemetry(string Target, long Produced, long Written, long Spooled, long Dropped, long DeadLettered)
{
    public static readonly RunTelemetry Off = new("off", 0, 0, 0, 0, 0);

    public static RunTelemetry From(TelemetryPipeline pipeline, string target)
    {
        var c = pipeline.Counters;
        return new RunTelemetry(target, c.Produced + c.Recovered, c.Written, c.Spooled, c.Dropped, c.DeadLettered);
    }
}
