using GridEdge.Optimization.Forecasts;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class LatestScheduleTests
{
    private const string First = "date,slot,price\n2026/11/23,1,10.5\n2026/11/23,2,11\n";
    private const string Second = "date,slot,price\n2026/11/23,1,20\n";

    private readonly RecordingLogger _log = new();

    private LatestSchedule<IReadOnlyList<PriceSlot>> Prices() =>
        new("planning.prices", (reader, origin) => PriceFiles.ReadJepx(reader, origin), _log);

    [Fact]
    public void A_new_payload_replaces_the_schedule_and_moves_the_version()
    {
        var prices = Prices();
        Assert.Null(prices.Current);
        Assert.Equal(0, prices.Version);

        Assert.True(prices.Offer(First, "jepx.csv"));
        Assert.Equal([10.5, 11], prices.Current!.Select(s => s.PricePerKwh));
        Assert.True(prices.Offer(Second, "jepx.csv"));

        Assert.Equal(20, Assert.Single(prices.Current!).PricePerKwh);
        Assert.Equal(2, prices.Version);
    }

    [Fact]
    public void The_same_payload_again_is_no_new_schedule()
    {
        var prices = Prices();
        prices.Offer(First, "mqtt a/b");
        var first = prices.Current;

        // A retained message re-delivered after a reconnect, or an unchanged URL.
        Assert.True(prices.Offer(First, "mqtt a/b"));

        Assert.Equal(1, prices.Version);
        Assert.Same(first, prices.Current);
    }

    [Fact]
    public void A_payload_that_does_not_parse_keeps_the_previous_schedule_and_names_origin_and_line()
    {
        var prices = Prices();
        prices.Offer(First, "jepx.csv");

        Assert.False(prices.Offer("date,slot,price\n2026/11/23,1,10\n2026/11/23,2,cheap\n", "https://example.com/jepx.csv"));

        Assert.Equal([10.5, 11], prices.Current!.Select(s => s.PricePerKwh));
        Assert.Equal(1, prices.Version);
        var error = Assert.Single(_log.At(LogLevel.Error));
        Assert.Contains("planning.prices", error, StringComparison.Ordinal);
        Assert.Contains("https://example.com/jepx.csv line 3: 'price' = 'cheap' is not a number", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_byte_order_mark_does_not_hide_the_first_column()
    {
        var prices = Prices();

        Assert.True(prices.Offer("\uFEFF" + First, "mqtt a/b"));

        Assert.Equal(2, prices.Current!.Count);
    }

    [Fact]
    public void An_oversized_payload_is_refused()
    {
        var prices = Prices();
        prices.Offer(First, "jepx.csv");

        Assert.False(prices.Offer(First + new string('#', IScheduleTarget.MaxPayloadChars), "mqtt a/b"));

        Assert.Equal(1, prices.Version);
        Assert.Contains("more than the", Assert.Single(_log.At(LogLevel.Error)), StringComparison.Ordinal);
    }
}
