using System.Text;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Testing;
using Microsoft.Extensions.Logging;
using MQTTnet;
using Xunit;

namespace GridEdge.Host.Tests.Planning;

/// <summary>Prices on an MQTT topic of the site's embedded broker, wired the way a run wires them.</summary>
public sealed class MqttPricesTests
{
    private const string Topic = "gridedge/demo/prices/jepx";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Jepx(double tokyo) => string.Concat(
        ["date,slot,price,tokyo\n", .. Enumerable.Range(1, 48).Select(slot => FormattableString.Invariant($"2026/11/23,{slot},9,{tokyo}\n"))]);

    private static async Task PublishAsync(IMqttClient client, string payload, bool retain) =>
        await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(Topic).WithPayload(Encoding.UTF8.GetBytes(payload)).WithRetainFlag(retain).Build(), Ct);

    [Fact]
    public async Task Retained_prices_arrive_on_subscribe_new_ones_replace_them_and_a_bad_payload_changes_nothing()
    {
        var port = Peers.FreeTcpPort();
        var yaml = (await File.ReadAllTextAsync(RepoPaths.DemoSite, Ct))
            .Replace("port: 18883", $"port: {port}", StringComparison.Ordinal)
            .Replace("    mode: now                 # as fast as the limits allow", "    mode: plan", StringComparison.Ordinal)
            .Replace("control:                      #", $"planning:\n  slot: 30m\n  latitude: 35.45\n  longitude: 139.63\n  keep: 0\n  prices:\n    source: mqtt\n    topic: {Topic}\n    format: jepx\n    column: tokyo\n\ncontrol:                      #", StringComparison.Ordinal);
        var load = SiteConfigLoader.Parse(yaml, "demo.yaml");
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        var configuration = load.Configuration;

        await using var devices = SiteDevices.Create(configuration, TimeProvider.System, out var problems, inProcess: true);
        Assert.Empty(problems);
        await devices.StartAsync(Ct);
        using var publisher = new MqttClientFactory().CreateMqttClient();
        await publisher.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("price-feed").Build(), Ct);
        // Published before the gateway subscribes: only the retained copy can reach it.
        await PublishAsync(publisher, Jepx(12.5), retain: true);

        var log = new RecordingLogger();
        var runtime = new SiteRuntime(configuration, devices, TimeProvider.System, log);
        var prices = runtime.PlanningInputs!.Prices!;
        await runtime.PlanningInputs.LoadAsync(Ct);

        await Eventually.True(() => prices.Version == 1, "the retained prices", Ct);
        Assert.Equal(48, prices.Current!.Count);
        Assert.All(prices.Current, s => Assert.Equal(12.5, s.PricePerKwh));

        await PublishAsync(publisher, "date,slot,price,tokyo\n2026/11/23,1,9,free\n", retain: false);
        await Eventually.True(() => log.At(LogLevel.Error).Count == 1, "the bad payload rejected", Ct);
        Assert.Contains($"mqtt {Topic} line 2: 'tokyo' = 'free' is not a number", log.At(LogLevel.Error)[0], StringComparison.Ordinal);
        Assert.Equal(1, prices.Version);

        await PublishAsync(publisher, Jepx(7), retain: true);
        await Eventually.True(() => prices.Version == 2, "the new prices", Ct);
        Assert.Equal(7, prices.Current![0].PricePerKwh);

        await publisher.DisconnectAsync(cancellationToken: CancellationToken.None);
    }
}
