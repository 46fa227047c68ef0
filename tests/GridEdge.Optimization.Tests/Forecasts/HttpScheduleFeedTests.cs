using GridEdge.Optimization.Forecasts;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

/// <summary>The HTTP feed against a real HTTP server on 127.0.0.1, on fake time.</summary>
public sealed class HttpScheduleFeedTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly Dictionary<string, string> Token = new(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = "Bearer s3cret" };

    private readonly RecordingLogger _log = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly LatestSchedule<IReadOnlyList<PriceSlot>> _prices;

    public HttpScheduleFeedTests()
    {
        _prices = new("planning.prices", (reader, origin) => PriceFiles.ReadJepx(reader, origin), _log);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Jepx(double price) => FormattableString.Invariant($"date,slot,price\n2026/11/23,1,{price}\n");

    private HttpScheduleFeed Feed(LocalHttpServer server) => new(server.Url, Token, Refresh, Timeout, _prices, _time, _log);

    /// <summary>Waits until the running feed has fetched and started to wait <paramref name="wait"/> from the fake clock's now.</summary>
    private async Task NextAttemptIn(HttpScheduleFeed feed, TimeSpan wait, string what)
    {
        var expected = _time.GetUtcNow() + wait;
        await Eventually.True(() => feed.NextAttempt == expected, what, Ct);
    }

    private double Price => Assert.Single(_prices.Current!).PricePerKwh;

    [Fact]
    public async Task Refreshes_pick_up_new_content_and_failures_keep_the_previous_prices_with_backoff()
    {
        await using var server = LocalHttpServer.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        server.Answer(200, Jepx(10));
        var feed = Feed(server);
        var run = feed.RunAsync(stop.Token);

        await NextAttemptIn(feed, Refresh, "first fetch");
        Assert.Equal(10, Price);
        Assert.Equal("Bearer s3cret", Assert.Single(server.Authorizations));

        // The next refresh period brings the new prices.
        server.Answer(200, Jepx(12));
        _time.Advance(Refresh);
        await NextAttemptIn(feed, Refresh, "second fetch");
        Assert.Equal((12, 2), (Price, _prices.Version));

        // A server error keeps them and retries after 30 s.
        server.Answer(500, "oops");
        _time.Advance(Refresh);
        await NextAttemptIn(feed, HttpScheduleFeed.FirstRetry, "retry after the 500");
        Assert.Equal((12, 2), (Price, _prices.Version));
        Assert.Contains($"GET {server.Url} failed, keeping the previous schedule: HTTP 500", Assert.Single(_log.At(LogLevel.Warning)), StringComparison.Ordinal);

        // A body that does not parse does too, and the retry backs off to 60 s.
        server.Answer(200, "date,slot,price\n2026/11/23,1,n/a\n");
        _time.Advance(HttpScheduleFeed.FirstRetry);
        await NextAttemptIn(feed, 2 * HttpScheduleFeed.FirstRetry, "retry after the bad body");
        Assert.Equal((12, 2), (Price, _prices.Version));
        Assert.Contains($"{server.Url} line 2: 'price' = 'n/a' is not a number", Assert.Single(_log.At(LogLevel.Error)), StringComparison.Ordinal);

        // Good again: new prices, and back to the refresh period.
        server.Answer(200, Jepx(9));
        _time.Advance(2 * HttpScheduleFeed.FirstRetry);
        await NextAttemptIn(feed, Refresh, "fetch after recovery");
        Assert.Equal((9, 3), (Price, _prices.Version));
        Assert.Equal(5, server.Requests);

        await stop.CancelAsync();
        await run;
    }

    [Fact]
    public async Task A_server_that_does_not_answer_times_out_on_the_feeds_clock()
    {
        await using var server = LocalHttpServer.Start();
        server.Answer(200, Jepx(10));
        var feed = Feed(server);
        Assert.True(await feed.RefreshAsync(Ct));

        server.Hang();
        var refresh = feed.RefreshAsync(Ct);
        await Eventually.True(() => server.Requests == 2, "request held", Ct);
        _time.Advance(Timeout - TimeSpan.FromSeconds(1));
        Assert.False(refresh.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(await refresh);
        Assert.Equal(10, Price);
        Assert.Contains("no answer within 20 s", Assert.Single(_log.At(LogLevel.Warning)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backoff_doubles_up_to_the_refresh_period()
    {
        await using var server = LocalHttpServer.Start();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        server.Answer(503, "");
        var feed = new HttpScheduleFeed(server.Url, Token, TimeSpan.FromMinutes(1), Timeout, _prices, _time, _log);
        var run = feed.RunAsync(stop.Token);

        // 30 s, then 60 s = the refresh period, and no further.
        foreach (var wait in new[] { 30, 60, 60 })
        {
            await NextAttemptIn(feed, TimeSpan.FromSeconds(wait), $"a wait of {wait} s");
            _time.Advance(TimeSpan.FromSeconds(wait));
        }

        await stop.CancelAsync();
        await run;
        Assert.Null(_prices.Current);
    }
}
