using System.Net;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class TelemetryPipelineTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeInfluxHandler _server = new();

    public void Dispose()
    {
        _server.Dispose();
        _dir.Dispose();
    }

    private TelemetryOptions Options(bool withServer, int batchSize = 100, int queue = 50_000) => new()
    {
        Spool = new SpoolOptions { Directory = _dir.Path, SegmentBytes = 16 * 1024 },
        Influx = withServer ? new InfluxTarget { Url = new Uri("http://influx.test"), Database = "gridedge" } : null,
        BatchSize = batchSize,
        QueueCapacity = queue,
        Backoff = new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), new Random(3)),
    };

    private TelemetryPoint Point(int i) =>
        new TelemetryPoint("grid", _time.GetUtcNow().AddMilliseconds(i)).Tag("site", "demo").Field("power_w", i * 1.5).Field("n", (long)i);

    private static void AssertBalanced(TelemetryCounters c) =>
        Assert.Equal(c.Produced + c.Recovered, c.Written + c.Spooled + c.Dropped + c.DeadLettered);

    [Fact]
    public async Task Spool_only_keeps_every_point_spooled_and_counted()
    {
        await using var pipeline = new TelemetryPipeline(Options(withServer: false), _time);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 1000; i++)
        {
            pipeline.Record(Point(i));
        }

        await stop.CancelAsync();
        await run;
        var c = pipeline.Counters;
        Assert.Equal(new TelemetryCounters(1000, 0, 1000, 0, 0, 0, 0, 0, 0), c);
        Assert.False(pipeline.HasServer);
    }

    [Fact]
    public async Task Points_reach_the_server_in_batches_and_the_counters_balance()
    {
        await using var pipeline = new TelemetryPipeline(Options(withServer: true), _time, httpHandler: _server);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 1050; i++)
        {
            pipeline.Record(Point(i));
        }

        // 1000 go at once in full batches; the last 50 wait in the spool for the flush interval (the
        // pipeline spools them on its own task: wait for that too, a busy machine may lag behind).
        await WaitUntil(() => pipeline.Counters.Written >= 1000 && pipeline.Counters.Spooled == 50);
        Assert.Equal(1000, pipeline.Counters.Written);
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => pipeline.Counters.Written == 1050);
        await stop.CancelAsync();
        await run;
        Assert.Equal(1050, _server.Stored.Count);
        Assert.All(_server.Bodies, b => Assert.True(b.Count <= 100));
        AssertBalanced(pipeline.Counters);
    }

    [Fact]
    public async Task Nan_only_points_are_dropped_and_invalid_values_counted()
    {
        await using var pipeline = new TelemetryPipeline(Options(withServer: false), _time);
        pipeline.Record(new TelemetryPoint("m", _time.GetUtcNow()).Field("a", double.NaN));
        pipeline.Record(new TelemetryPoint("m", _time.GetUtcNow()).Field("a", double.PositiveInfinity).Field("b", 1.0));
        await pipeline.DrainQueueAsync();
        var c = pipeline.Counters;
        Assert.Equal((2L, 1L, 1L, 2L), (c.Produced, c.Spooled, c.Dropped, c.InvalidValues));
        AssertBalanced(c);
    }

    [Fact]
    public async Task A_full_queue_drops_instead_of_blocking_the_caller()
    {
        await using var pipeline = new TelemetryPipeline(Options(withServer: false, queue: 10), _time);
        var accepted = Enumerable.Range(0, 25).Count(i => pipeline.Record(Point(i)));
        Assert.Equal(10, accepted);
        await pipeline.DrainQueueAsync();
        var c = pipeline.Counters;
        Assert.Equal((25L, 10L, 15L), (c.Produced, c.Spooled, c.Dropped));
    }

    [Fact]
    public async Task A_backlog_from_an_earlier_run_is_sent_on_the_next_start()
    {
        await using (var first = new TelemetryPipeline(Options(withServer: false), _time))
        {
            for (var i = 0; i < 300; i++)
            {
                first.Record(Point(i));
            }
        }

        await using var second = new TelemetryPipeline(Options(withServer: true), _time, httpHandler: _server);
        Assert.Equal(300, second.Counters.Recovered);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = second.RunAsync(stop.Token);
        second.Record(Point(1000));
        await WaitUntil(() => second.Counters.Written >= 300);
        _time.Advance(TimeSpan.FromSeconds(1));
        await WaitUntil(() => second.Counters.Written == 301);
        await stop.CancelAsync();
        await run;
        Assert.Equal(301, _server.Stored.Count);
        Assert.Equal("grid,site=demo power_w=0,n=0i 1795435200000", _server.Bodies[0][0]); // oldest first
        AssertBalanced(second.Counters);
    }

    [Fact]
    public async Task Live_points_reach_the_server_within_two_flush_intervals_while_a_large_backlog_drains()
    {
        const int backlog = 3000;
        await using (var first = new TelemetryPipeline(Options(withServer: false), _time))
        {
            for (var i = 0; i < backlog; i++)
            {
                first.Record(Point(i));
            }
        }

        // 30 backlog batches at 0.5 s each: oldest-first alone would hold live points back for 15 s.
        _server.Latency = TimeSpan.FromMilliseconds(500);
        _server.Clock = _time;
        await using var second = new TelemetryPipeline(Options(withServer: true), _time, httpHandler: _server);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = second.RunAsync(stop.Token);
        var waiting = new Dictionary<string, DateTimeOffset>();
        var recorded = 0;
        var delays = new List<TimeSpan>();
        var backlogLeftWhenFirstLiveArrived = -1;
        for (var step = 0; step < 400 && (recorded < 12 || waiting.Count > 0 || second.Counters.Spooled > 0); step++)
        {
            if (step % 10 == 0 && recorded < 12)
            {
                var now = _time.GetUtcNow();
                second.Record(new TelemetryPoint("live", now).Tag("site", "demo").Field("n", (long)step));
                waiting["live,site=demo@" + now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture)] = now;
                recorded++;
            }

            await Task.Delay(3, TestContext.Current.CancellationToken);
            _time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(3, TestContext.Current.CancellationToken);
            var stored = _server.StoredKeys();
            foreach (var (key, at) in waiting.Where(w => stored.Contains(w.Key)).ToList())
            {
                if (delays.Count == 0)
                {
                    backlogLeftWhenFirstLiveArrived = backlog - stored.Count(k => k.StartsWith("grid", StringComparison.Ordinal));
                }

                delays.Add(_time.GetUtcNow() - at);
                waiting.Remove(key);
            }
        }

        await stop.CancelAsync();
        await run;
        Assert.Equal(12, delays.Count);
        Assert.True(backlogLeftWhenFirstLiveArrived > backlog / 2, $"first live point only after the backlog: {backlogLeftWhenFirstLiveArrived} left");
        Assert.All(delays, d => Assert.True(d <= TimeSpan.FromSeconds(2), $"a live point took {d.TotalSeconds} s; all: {string.Join(", ", delays.Select(x => x.TotalSeconds))}"));
        Assert.Equal(backlog + 12, _server.Stored.Count);
        Assert.Equal(0, second.Counters.Spooled);
        AssertBalanced(second.Counters);
    }

    [Fact]
    public async Task Bad_lines_are_dead_lettered_and_the_rest_written()
    {
        _server.Respond = lines => lines.Any(l => l.Contains("n=7i", StringComparison.Ordinal))
            ? FakeInfluxHandler.Status(HttpStatusCode.BadRequest, "bad")
            : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        await using var pipeline = new TelemetryPipeline(Options(withServer: true), _time, httpHandler: _server);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 100; i++)
        {
            pipeline.Record(Point(i));
        }

        await WaitUntil(() => pipeline.Counters.Written + pipeline.Counters.DeadLettered == 100);
        await stop.CancelAsync();
        await run;
        var c = pipeline.Counters;
        Assert.Equal((99L, 1L), (c.Written, c.DeadLettered));
        Assert.Contains("n=7i", File.ReadAllText(Path.Combine(_dir.Path, "dead-letter.lp")), StringComparison.Ordinal);
        AssertBalanced(c);
    }

    [Fact]
    public async Task While_the_server_refuses_points_stay_spooled_and_nothing_is_lost()
    {
        var refusing = true;
        _server.Respond = _ => refusing ? FakeInfluxHandler.Status(HttpStatusCode.Forbidden, "no write permission") : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        await using var pipeline = new TelemetryPipeline(Options(withServer: true), _time, httpHandler: _server);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var run = pipeline.RunAsync(stop.Token);
        for (var i = 0; i < 200; i++)
        {
            pipeline.Record(Point(i));
        }

        await WaitUntil(() => pipeline.Counters.Refusals >= 1);
        Assert.Equal(200, pipeline.Counters.Spooled);
        Assert.Equal("HTTP 403: no write permission", pipeline.LastError);
        refusing = false;
        _time.Advance(TimeSpan.FromSeconds(31));
        await WaitUntil(() => pipeline.Counters.Written == 200);
        await stop.CancelAsync();
        await run;
        AssertBalanced(pipeline.Counters);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10, TestContext.Current.CancellationToken);
        }

        Assert.True(condition(), "condition not reached within 5 s");
    }
}
