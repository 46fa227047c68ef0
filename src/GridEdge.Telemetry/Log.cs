using Microsoft.Extensions.Logging;

namespace GridEdge.Telemetry;

/// <summary>Every log line of the telemetry pipeline, source-generated. Event ids 3000–3999. Never logs secrets.</summary>
internal static partial class Log
{
    [LoggerMessage(3000, LogLevel.Information, "Telemetry spool {Directory}: {Pending} points waiting from an earlier run")]
    public static partial void SpoolRecovered(ILogger logger, string directory, long pending);

    [LoggerMessage(3001, LogLevel.Warning, "Telemetry spool segment {Segment}: cut {Bytes} bytes of torn or corrupt records at offset {Offset}")]
    public static partial void SpoolTornTail(ILogger logger, string segment, long bytes, long offset);

    [LoggerMessage(3002, LogLevel.Warning, "Telemetry spool over its {Bound} bound: dropped segment {Segment} with {Points} unsent points")]
    public static partial void SpoolDropped(ILogger logger, string bound, string segment, long points);

    [LoggerMessage(3003, LogLevel.Warning, "Telemetry points dropped because the recording queue is full (total {Dropped})")]
    public static partial void QueueFull(ILogger logger, long dropped);

    [LoggerMessage(3004, LogLevel.Error, "Telemetry spool write failed; points of this batch are lost")]
    public static partial void SpoolWriteFailed(ILogger logger, Exception exception);

    [LoggerMessage(3010, LogLevel.Error, "InfluxDB refused telemetry with HTTP {Status} (authentication, permission or missing database/bucket): {Message}; points stay spooled, retry in {RetrySeconds} s")]
    public static partial void WriteRefused(ILogger logger, int status, string message, double retrySeconds);

    [LoggerMessage(3011, LogLevel.Warning, "InfluxDB write failed ({Reason}); points stay spooled, retry in {RetrySeconds} s")]
    public static partial void WriteRetry(ILogger logger, string reason, double retrySeconds);

    [LoggerMessage(3012, LogLevel.Warning, "InfluxDB rejected a line (HTTP {Status}): {Message}; moved to the dead-letter file")]
    public static partial void DeadLettered(ILogger logger, int status, string message);

    [LoggerMessage(3013, LogLevel.Information, "InfluxDB writes succeed again after {Failures} failed attempts")]
    public static partial void WriteRecovered(ILogger logger, int failures);

    [LoggerMessage(3020, LogLevel.Error, "Telemetry sender failed unexpectedly; restarting it")]
    public static partial void SenderFailed(ILogger logger, Exception exception);
}
