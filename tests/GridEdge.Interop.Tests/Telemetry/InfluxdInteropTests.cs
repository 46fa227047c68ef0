using System.Text.Json;
using GridEdge.Telemetry;
using GridEdge.Telemetry.LineProtocol;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Writer;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>Against a real InfluxDB 1.6 through its v1 write API; read back with InfluxQL.</summary>
public sealed class InfluxdInteropTests
{
    private const string Database = "gridedge";

    [Fact]
    public async Task Every_field_type_and_awkward_name_arrives_field_by_field()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var influxd = await InfluxdPeer.StartAsync(Database, ct);
        using var spool = new SpoolDirectory();
        var target = new InfluxTarget { Url = influxd.Url, Database = Database, RetentionPolicy = "autogen", Precision = WritePrecision.Nanoseconds };
        const int count = 2000;
        var start = DateTimeOffset.UtcNow.AddMinutes(-10);
        var expected = new Dictionary<long, int>();
        await using (var pipeline = new TelemetryPipeline(TelemetryTestPipelines.Options(spool, target)))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var run = pipeline.RunAsync(stop.Token);
            for (var i = 0; i < count; i++)
            {
                var time = start.AddTicks((i * 10_007L) + 3); // sub-microsecond parts exercise ns precision
                expected[WritePrecision.Nanoseconds.ToUnixTime(time)] = i;
                pipeline.Record(AwkwardPoints.Create(i, time, withUnsigned: false));
            }

            await TelemetryTestPipelines.WaitUntilAsync(() => pipeline.Counters.Written == count, TimeSpan.FromSeconds(20), () => pipeline.Counters.ToString());
            await stop.CancelAsync();
            await run;
            Assert.Equal(new TelemetryCounters(count, count, 0, 0, 0, 0, 0, 0, 0), pipeline.Counters);
        }

        using var result = await influxd.QueryAsync($"SELECT * FROM \"{AwkwardPoints.Measurement}\" GROUP BY *", Database, ct);
        var seen = 0;
        foreach (var series in result.RootElement.GetProperty("results")[0].GetProperty("series").EnumerateArray())
        {
            var tags = series.GetProperty("tags");
            var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            foreach (var row in series.GetProperty("values").EnumerateArray())
            {
                var i = expected[row[0].GetInt64()];
                Assert.Equal("demo", tags.GetProperty("site").GetString());
                Assert.Equal(AwkwardPoints.TagValue(i), tags.GetProperty(AwkwardPoints.TagKey).GetString());
                Assert.Equal(AwkwardPoints.DeviceValue(i), tags.GetProperty("device").GetString());
                Assert.Equal(AwkwardPoints.FloatValue(i), row[columns.IndexOf(AwkwardPoints.FloatKey)].GetDouble());
                Assert.Equal(AwkwardPoints.IntegerValue(i), row[columns.IndexOf(AwkwardPoints.IntegerKey)].GetInt64());
                Assert.Equal(AwkwardPoints.BooleanValue(i), row[columns.IndexOf(AwkwardPoints.BooleanKey)].GetBoolean());
                Assert.Equal(AwkwardPoints.StringValue(i), row[columns.IndexOf(AwkwardPoints.StringKey)].GetString());
                seen++;
            }
        }

        Assert.Equal(count, seen);
    }

    [Fact]
    public async Task A_bad_line_is_dead_lettered_and_the_others_stored()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var influxd = await InfluxdPeer.StartAsync(Database, ct);
        using var spool = new SpoolDirectory();
        var target = new InfluxTarget { Url = influxd.Url, Database = Database };
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var pipeline = new TelemetryPipeline(TelemetryTestPipelines.Options(spool, target));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 100; i++)
        {
            // Point 42 sends the field as a string where the others sent a float: a type conflict (400).
            var point = new TelemetryPoint("conflict", start.AddMilliseconds(i)).Tag("site", "demo");
            pipeline.Record(i == 42 ? point.Field("v", "not a number") : point.Field("v", (double)i));
        }

        await TelemetryTestPipelines.WaitUntilAsync(() => pipeline.Counters.Written + pipeline.Counters.DeadLettered == 100, TimeSpan.FromSeconds(20), () => pipeline.Counters.ToString());
        await stop.CancelAsync();
        await run;
        Assert.Equal((99L, 1L), (pipeline.Counters.Written, pipeline.Counters.DeadLettered));
        var deadLetters = await File.ReadAllLinesAsync(Path.Combine(spool.Path, "dead-letter.lp"), ct);
        Assert.Contains("HTTP 400", deadLetters[0], StringComparison.Ordinal);
        Assert.Contains("field type conflict", deadLetters[0], StringComparison.Ordinal);
        Assert.StartsWith("conflict,site=demo v=\"not a number\"", deadLetters[1], StringComparison.Ordinal);
        using var result = await influxd.QueryAsync("SELECT COUNT(v) FROM conflict", Database, ct);
        Assert.Equal(99, result.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0][1].GetInt64());
    }

    [Fact]
    public async Task A_missing_database_raises_the_alarm_and_nothing_is_lost_once_it_exists()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var influxd = await InfluxdPeer.StartAsync(Database, ct);
        using var spool = new SpoolDirectory();
        var target = new InfluxTarget { Url = influxd.Url, Database = "later" };
        var options = TelemetryTestPipelines.Options(spool, target);
        var start = DateTimeOffset.UtcNow.AddMinutes(-5);
        await using var pipeline = new TelemetryPipeline(options);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 50; i++)
        {
            pipeline.Record(new TelemetryPoint("late", start.AddMilliseconds(i)).Field("v", (long)i));
        }

        await TelemetryTestPipelines.WaitUntilAsync(() => pipeline.Counters.Refusals > 0, TimeSpan.FromSeconds(10), () => pipeline.Counters.ToString());
        Assert.Contains("404", pipeline.LastError, StringComparison.Ordinal);
        Assert.Equal(50, pipeline.Counters.Spooled);
        await stop.CancelAsync();
        await run;
        await influxd.QueryAsync("CREATE DATABASE later", null, ct);

        // A restarted pipeline (the refusal delay of the first one is 30 s) sends the backlog at once.
        await pipeline.DisposeAsync();
        await using var restarted = new TelemetryPipeline(options);
        using var stop2 = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var run2 = restarted.RunAsync(stop2.Token);
        await TelemetryTestPipelines.WaitUntilAsync(() => restarted.Counters.Written == 50, TimeSpan.FromSeconds(10), () => restarted.Counters.ToString());
        await stop2.CancelAsync();
        await run2;
        using var result = await influxd.QueryAsync("SELECT COUNT(v) FROM late", "later", ct);
        Assert.Equal(50, result.RootElement.GetProperty("results")[0].GetProperty("series")[0].GetProperty("values")[0][1].GetInt64());
    }
}
