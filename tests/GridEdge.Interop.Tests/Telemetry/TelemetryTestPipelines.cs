using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

internal static class TelemetryTestPipelines
{
    public static TelemetryOptions Options(string spoolDirectory, InfluxTarget target) => new()
    {
        Spool = new SpoolOptions { Directory = spoolDirectory, SegmentBytes = 256 * 1024 },
        Influx = target,
        BatchSize = 500,
        FlushInterval = TimeSpan.FromMilliseconds(100),
        Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(800)),
    };

    /// <summary>Waits (real time, bounded) until the pipeline has nothing left to send.</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan limit, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "not reached in time: " + describe());
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }
    }

}
