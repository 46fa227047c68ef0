using GridEdge.Optimization.Forecasts;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class TimeOfUseTariffTests
{
    // jp-home-v2h's tariff: night 23–07 26, day 07–17 33, evening 17–23 40 JPY/kWh.
    private static readonly TimeOfUseTariff Tariff = new(
        [new(new TimeOnly(23, 0), new TimeOnly(7, 0), 26), new(new TimeOnly(7, 0), new TimeOnly(17, 0), 33), new(new TimeOnly(17, 0), new TimeOnly(23, 0), 40)],
        8);

    [Theory]
    [InlineData(6, 59, 26)]
    [InlineData(7, 0, 33)]
    [InlineData(22, 30, 40)]
    [InlineData(23, 0, 26)]
    [InlineData(0, 0, 26)]
    public void Bands_wrap_past_midnight(int hour, int minute, double price) =>
        Assert.Equal(price, Tariff.ImportAt(new DateTimeOffset(2026, 7, 15, hour, minute, 0, TimeSpan.FromHours(9))));

    [Fact]
    public void Slot_prices_follow_the_bands()
    {
        var start = new DateTimeOffset(2026, 7, 15, 16, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal([33, 33, 40, 40], Tariff.ImportPrices(start, TimeSpan.FromMinutes(30), 4));
    }

    [Fact]
    public void A_gap_in_the_bands_is_an_error() =>
        Assert.Throws<InvalidOperationException>(() => new TimeOfUseTariff([new(new TimeOnly(7, 0), new TimeOnly(17, 0), 33)], 0).ImportAt(new DateTimeOffset(2026, 7, 15, 3, 0, 0, TimeSpan.Zero)));
}
