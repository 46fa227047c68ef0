using GridEdge.Devices.Mqtt;
using GridEdge.Host.Planning;
using GridEdge.Optimization.Forecasts;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Interop.Tests.Mqtt;

/// <summary>Prices on an MQTT topic of mosquitto, published by mosquitto_pub as a price service would.</summary>
public sealed class MosquittoPricesTests
{
    private const string Topic = "gridedge/prices/jepx";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Jepx(double tokyo) => string.Concat(
        ["date,slot,price,tokyo,co2_g_per_kwh\n", .. Enumerable.Range(1, 48).Select(slot => FormattableString.Invariant($"2026/11/23,{slot},9,{tokyo},450\n"))]);

    [Fact]
    public async Task A_retained_price_file_published_before_the_gateway_connects_is_planned_with()
    {
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await MosquittoClients.PublishAsync(broker.Port, Topic, Jepx(12.5), retain: true, Ct);

        var log = new RecordingLogger();
        var prices = new LatestSchedule<IReadOnlyList<PriceSlot>>("planning.prices", (reader, origin) => PriceFiles.ReadJepx(reader, origin, "tokyo"), log);
        await using var connection = new MqttConnection("test", new MqttBrokerOptions
        {
            Url = new Uri($"mqtt://127.0.0.1:{broker.Port}"),
            ClientId = "gridedge-prices-test",
        }, TimeProvider.System, NullLogger.Instance);
        var feed = new MqttScheduleFeed(connection, Topic, prices);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        await feed.SubscribeAsync(Ct);

        await Eventually.True(() => prices.Version == 1, "the retained prices", Ct);
        Assert.Equal(48, prices.Current!.Count);
        Assert.All(prices.Current, s => Assert.Equal((12.5, 450.0), (s.PricePerKwh, s.Co2GramsPerKwh)));

        // An upload without the Tokyo column is refused and named; the prices stay.
        await MosquittoClients.PublishAsync(broker.Port, Topic, "date,slot,price\n2026/11/23,1,12.5\n", retain: true, Ct);
        await Eventually.True(() => log.At(LogLevel.Error).Count == 1, "the broken upload refused", Ct);
        Assert.Contains($"mqtt {Topic}: no column 'tokyo'", log.At(LogLevel.Error)[0], StringComparison.Ordinal);
        Assert.Equal(12.5, prices.Current![0].PricePerKwh);

        await MosquittoClients.PublishAsync(broker.Port, Topic, Jepx(8), retain: true, Ct);
        await Eventually.True(() => prices.Version == 2, "the next prices", Ct);
        Assert.Equal(8, prices.Current![47].PricePerKwh);
    }
}
