using GridEdge.Telemetry;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Writer;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>
/// The server goes away while points keep flowing, the gateway restarts during the outage (its last
/// spool write torn), the server comes back: every point is stored exactly once.
/// </summary>
public sealed class OutageInteropTests
{
    private const string Database = "gridedge";

    [Fact]
    public async Task Server_outage_with_a_gateway_restart_loses_and_duplicates_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var influxd = await InfluxdPeer.StartAsync(Database, ct);
        using var spool = new SpoolDirectory();
        var options = TelemetryTestPipelines.Options(spool, new InfluxTarget { Url = influxd.Url, Database = Database });
        var start = DateTimeOffset.UtcNow.AddMinutes(-30);
        var next = 0;
        void Produce(TelemetryPipeline pipeline, int count)
        {
            for (var end = next + count; next < end; next++)
            {
                pipeline.Record(new TelemetryPoint("outage", start.AddMilliseconds(next)).Tag("site", "demo").Field("n", (long)next).Field("power_w", next * 0.5));
            }
        }

        // Phase 1: server up.
        var first = new TelemetryPipeline(options);
        using var stopFirst = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var runFirst = first.RunAsync(stopFirst.Token);
        Produce(first, 1500);
        await TelemetryTestPipelines.WaitUntilAsync(() => first.Counters.Written == 1500, TimeSpan.FromSeconds(20), () => first.Counters.ToString());

        // Phase 2: server down while points flow; the sender keeps retrying.
        await influxd.StopProcessAsync();
        for (var i = 0; i < 10; i++)
        {
            Produce(first, 150);
            await Task.Delay(30, ct);
        }

        await TelemetryTestPipelines.WaitUntilAsync(() => first.Counters.Retries > 0, TimeSpan.FromSeconds(10), () => first.Counters.ToString());

        // Phase 3: the gateway restarts during the outage; the restart tears the last spool write.
        await stopFirst.CancelAsync();
        await runFirst;
        var beforeRestart = first.Counters;
        await first.DisposeAsync();
        Assert.Equal(beforeRestart.Produced, beforeRestart.Written + beforeRestart.Spooled + beforeRestart.Dropped + beforeRestart.DeadLettered);
        var newest = Directory.GetFiles(spool.Path, "*.seg").Order(StringComparer.Ordinal).Last();
        await using (var torn = new FileStream(newest, FileMode.Append))
        {
            torn.Write([0x2A, 0, 0, 0, 0xDE, 0xAD, 0xBE, 0xEF, 1, 2, 3]);
        }

        var second = new TelemetryPipeline(options);
        Assert.Equal(beforeRestart.Spooled, second.Counters.Recovered);
        using var stopSecond = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var runSecond = second.RunAsync(stopSecond.Token);
        for (var i = 0; i < 10; i++)
        {
            Produce(second, 100);
            await Task.Delay(30, ct);
        }

        // Phase 4: the server is back.
        await influxd.StartProcessAsync(ct);
        Produce(second, 500);
        await TelemetryTestPipelines.WaitUntilAsync(
            () => second.Counters.Written == second.Counters.Recovered + second.Counters.Produced,
            TimeSpan.FromSeconds(30),
            () => second.Counters.ToString());
        await stopSecond.CancelAsync();
        await runSecond;
        await second.DisposeAsync();
        Assert.Equal(0, second.Counters.Dropped);

        using var result = await influxd.QueryAsync("SELECT n FROM outage", Database, ct);
        var stored = result.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values").EnumerateArray()
            .Select(row => row[1].GetInt64())
            .ToList();
        Assert.Equal(next, stored.Count);
        Assert.Equal(Enumerable.Range(0, next).Select(i => (long)i), stored.Order());
    }
}
