using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Host.Mqtt;
using GridEdge.Host.Runtime;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using Xunit;

namespace GridEdge.Host.Tests.Mqtt;

/// <summary>The gateway's MQTT API on the demo site's embedded broker: state out, mode changes in, Home Assistant discovery.</summary>
public sealed class MqttSiteApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Observer : IAsyncDisposable
    {
        private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();

        public ConcurrentDictionary<string, (string Payload, bool Retained)> Last { get; } = new(StringComparer.Ordinal);

        public static async Task<Observer> ConnectAsync(int port)
        {
            var observer = new Observer();
            observer._client.ApplicationMessageReceivedAsync += e =>
            {
                observer.Last[e.ApplicationMessage.Topic] = (Encoding.UTF8.GetString(e.ApplicationMessage.Payload), e.ApplicationMessage.Retain);
                return Task.CompletedTask;
            };
            await observer._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("observer").Build(), Ct);
            await observer._client.SubscribeAsync("gridedge/#", cancellationToken: Ct);
            await observer._client.SubscribeAsync("homeassistant/#", cancellationToken: Ct);
            return observer;
        }

        public async Task SendAsync(string topic, string payload) =>
            await _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).Build(), Ct);

        public async Task<string> WaitForAsync(string topic, Func<string, bool>? accept = null)
        {
            for (var i = 0; i < 250; i++)
            {
                if (Last.TryGetValue(topic, out var message) && (accept?.Invoke(message.Payload) ?? true))
                {
                    return message.Payload;
                }

                await Task.Delay(20, Ct);
            }

            throw new TimeoutException($"nothing on {topic}; seen: {string.Join(", ", Last.Keys)}");
        }

        public async ValueTask DisposeAsync()
        {
            await _client.DisconnectAsync(cancellationToken: CancellationToken.None);
            _client.Dispose();
        }
    }

    [Fact]
    public async Task Publishes_state_and_discovery_and_accepts_validated_mode_changes()
    {
        var port = Peers.FreeTcpPort();
        var yaml = (await File.ReadAllTextAsync(RepoPaths.DemoSite, Ct)).Replace("port: 18883", $"port: {port}", StringComparison.Ordinal);
        var load = SiteConfigLoader.Parse(yaml, "demo.yaml");
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        var configuration = load.Configuration;

        await using var devices = SiteDevices.Create(configuration, TimeProvider.System, out var problems, inProcess: true);
        Assert.Empty(problems);
        await devices.StartAsync(Ct);
        var overrides = new GridEdge.Host.Planning.VehicleOverrides();
        var api = new MqttSiteApi(configuration, devices.ApiConnection!, TimeProvider.System, overrides);
        await api.StartAsync(Ct);
        var runtime = new SiteRuntime(configuration, devices, TimeProvider.System, NullLogger.Instance, api: api);
        await using var observer = await Observer.ConnectAsync(port);

        async Task Cycle()
        {
            await runtime.AdvanceSimulationAsync(Ct);
            foreach (var poller in runtime.Pollers)
            {
                await poller.PollOnceAsync(Ct);
            }

            await runtime.CycleAsync(Ct);
        }

        await Cycle();
        using (var state = JsonDocument.Parse(await observer.WaitForAsync("gridedge/demo/state")))
        {
            Assert.True(state.RootElement.TryGetProperty("grid_power_w", out _));
            Assert.False(state.RootElement.GetProperty("failsafe").GetBoolean());
        }

        using (var garage = JsonDocument.Parse(await observer.WaitForAsync("gridedge/demo/chargepoint/garage/state")))
        {
            Assert.Equal("solar", garage.RootElement.GetProperty("mode").GetString());
        }

        using (var select = JsonDocument.Parse(await observer.WaitForAsync("homeassistant/select/gridedge_demo/garage_mode/config")))
        {
            Assert.Equal("gridedge/demo/chargepoint/garage/set/mode", select.RootElement.GetProperty("command_topic").GetString());
            Assert.Equal(["off", "now", "solar", "minsolar"], select.RootElement.GetProperty("options").EnumerateArray().Select(o => o.GetString()));
            Assert.Equal("gridedge/demo/status", select.RootElement.GetProperty("availability_topic").GetString());
        }

        await observer.WaitForAsync("homeassistant/sensor/gridedge_demo/grid_power/config");

        // A valid change is applied at the next cycle and answered.
        await observer.SendAsync("gridedge/demo/chargepoint/garage/set/mode", "now");
        await Task.Delay(200, Ct);
        await Cycle();
        Assert.Equal(ChargeMode.Now, runtime.Controller.ModeOf("garage"));
        using (var ok = JsonDocument.Parse(await observer.WaitForAsync("gridedge/demo/chargepoint/garage/set/mode/result", p => p.Contains("\"now\"", StringComparison.Ordinal))))
        {
            Assert.True(ok.RootElement.GetProperty("ok").GetBoolean());
        }

        // Invalid ones are refused with the reason, and change nothing.
        await observer.SendAsync("gridedge/demo/chargepoint/garage/set/mode", "fast");
        await observer.SendAsync("gridedge/demo/chargepoint/carport/set/mode", "v2h");
        await observer.SendAsync("gridedge/demo/chargepoint/nope/set/mode", "now");
        await Task.Delay(200, Ct);
        await Cycle();
        Assert.Equal(ChargeMode.Now, runtime.Controller.ModeOf("garage"));
        Assert.Contains("'fast' is not one of: off, now, solar, minsolar, v2h, plan", await observer.WaitForAsync("gridedge/demo/chargepoint/garage/set/mode/result", p => p.Contains("fast", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("is not bidirectional", await observer.WaitForAsync("gridedge/demo/chargepoint/carport/set/mode/result"), StringComparison.Ordinal);
        Assert.Contains("unknown chargepoint 'nope'", await observer.WaitForAsync("gridedge/demo/chargepoint/nope/set/mode/result"), StringComparison.Ordinal);
        Assert.False(observer.Last["gridedge/demo/chargepoint/nope/set/mode/result"].Retained);

        // The session's target and departure (used by mode plan) are validated the same way.
        await observer.SendAsync("gridedge/demo/chargepoint/visitor/set/target_wh", "15000");
        await observer.SendAsync("gridedge/demo/chargepoint/visitor/set/departure", "2026-06-01T07:00:00+09:00");
        await observer.SendAsync("gridedge/demo/chargepoint/garage/set/target_wh", "lots");
        await observer.SendAsync("gridedge/demo/chargepoint/garage/set/colour", "red");
        await Task.Delay(200, Ct);
        await Cycle();
        Assert.Equal((15000.0, DateTimeOffset.Parse("2026-06-01T07:00:00+09:00", System.Globalization.CultureInfo.InvariantCulture)), overrides.For("visitor"));
        Assert.True(JsonDocument.Parse(await observer.WaitForAsync("gridedge/demo/chargepoint/visitor/set/target_wh/result")).RootElement.GetProperty("ok").GetBoolean());
        Assert.Contains("'lots' is not a number of watt-hours", await observer.WaitForAsync("gridedge/demo/chargepoint/garage/set/target_wh/result"), StringComparison.Ordinal);
        Assert.Contains("unknown setting 'colour'", await observer.WaitForAsync("gridedge/demo/chargepoint/garage/set/colour/result"), StringComparison.Ordinal);
        Assert.Null(overrides.For("garage").TargetWh);
    }
}
