using System.Globalization;
using System.Text;
using System.Text.Json;
using GridEdge.Simulation.Mqtt;
using GridEdge.Testing;
using MQTTnet;
using Xunit;

namespace GridEdge.Host.Tests.Cli;

/// <summary>`gridedge charger test` against an embedded broker, with a scripted charger that echoes commands in its state.</summary>
public sealed class ChargerTestCommandTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A generic-JSON charger: answers every command by reporting the commanded current/power.</summary>
    private static async Task<IMqttClient> EchoingCharger(int port, bool v2h, string? status = "online")
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId("charger").Build(), Ct);
        async Task State(double amperes, double watts) => await client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic("gridedge/charger/wb/state").WithRetainFlag(true)
                .WithPayload(string.Create(CultureInfo.InvariantCulture, $$"""{"connected":true,"charging":true,"power_w":{{watts}},"current_a":{{amperes}},"phases":3,"v2h":{{(v2h ? "true" : "false")}}}"""))
                .Build(),
            CancellationToken.None);
        client.ApplicationMessageReceivedAsync += async e =>
        {
            using var command = JsonDocument.Parse(Encoding.UTF8.GetString(e.ApplicationMessage.Payload));
            if (command.RootElement.TryGetProperty("power_w", out var power))
            {
                await State(Math.Abs(power.GetDouble()) / 690, power.GetDouble());
            }
            else
            {
                var amperes = command.RootElement.GetProperty("current_a").GetDouble();
                await State(amperes, amperes * 690);
            }
        };
        await client.SubscribeAsync("gridedge/charger/wb/set", cancellationToken: Ct);
        if (status is not null)
        {
            // QoS 1: the broker holds the retained availability before the state is published.
            await client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic("gridedge/charger/wb/status").WithPayload(status).WithRetainFlag(true)
                .WithQualityOfServiceLevel(MQTTnet.Protocol.MqttQualityOfServiceLevel.AtLeastOnce).Build(), Ct);
        }

        await State(16, 11040);
        return client;
    }

    private static Task<(int Exit, string Out, string Err)> Test(int port, params string[] extra) =>
        CliTests.Run(["charger", "test", "--broker", $"mqtt://127.0.0.1:{port}", "--protocol", "generic", "--id", "wb", .. extra, .. extra.Contains("--timeout") ? Array.Empty<string>() : ["--timeout", "3s"]]);

    [Fact]
    public async Task Sends_one_setpoint_and_reports_the_round_trip()
    {
        var port = Peers.FreeTcpPort();
        await using var broker = await EmbeddedMqttBroker.StartAsync(port);
        using var charger = await EchoingCharger(port, v2h: false);

        var (exit, output, error) = await Test(port, "--current", "10", "--json");

        Assert.True(exit == 0, error);
        using var report = JsonDocument.Parse(output);
        Assert.Equal(10, report.RootElement.GetProperty("state").GetProperty("current_a").GetDouble());
        Assert.Equal(10, report.RootElement.GetProperty("setpoint").GetProperty("current_a").GetDouble());
        Assert.InRange(report.RootElement.GetProperty("round_trip_ms").GetDouble(), 0, 3000);
    }

    [Fact]
    public async Task Human_output_names_the_state_and_the_round_trip()
    {
        var port = Peers.FreeTcpPort();
        await using var broker = await EmbeddedMqttBroker.StartAsync(port);
        using var charger = await EchoingCharger(port, v2h: false);

        var (exit, output, _) = await Test(port, "--current", "8");

        Assert.Equal(0, exit);
        Assert.Contains("charger wb (generic): charging", output, StringComparison.Ordinal);
        Assert.Matches(@"round trip: \d+ ms", output);
    }

    [Fact]
    public async Task Discharge_needs_a_charger_that_reports_v2h()
    {
        var port = Peers.FreeTcpPort();
        await using var broker = await EmbeddedMqttBroker.StartAsync(port);
        using (var plain = await EchoingCharger(port, v2h: false))
        {
            var (exit, _, error) = await Test(port, "--power=-3000");
            Assert.Equal(3, exit);
            Assert.Contains("does not report V2H capability", error, StringComparison.Ordinal);
            await plain.DisconnectAsync(cancellationToken: Ct);
        }

        using var v2h = await EchoingCharger(port, v2h: true);
        var (ok, output, _) = await Test(port, "--power", "-3000", "--json");
        Assert.Equal(0, ok);
        Assert.Equal(-3000, JsonDocument.Parse(output).RootElement.GetProperty("state").GetProperty("power_w").GetDouble());
    }

    [Fact]
    public async Task Offline_or_silent_charger_exits_4_and_no_broker_exits_5()
    {
        var port = Peers.FreeTcpPort();
        await using (var broker = await EmbeddedMqttBroker.StartAsync(port))
        {
            var (silent, _, silentError) = await Test(port, "--current", "10", "--timeout", "500ms");
            Assert.Equal(4, silent);
            Assert.Contains("sent no state within 500ms", silentError, StringComparison.Ordinal);

            using var offline = await EchoingCharger(port, v2h: false, status: "offline");
            var (exit, _, error) = await Test(port, "--current", "10");
            Assert.Equal(4, exit);
            Assert.Contains("reports offline", error, StringComparison.Ordinal);
        }

        var (none, _, noneError) = await Test(port, "--current", "10", "--timeout", "500ms");
        Assert.Equal(5, none);
        Assert.Contains("cannot connect", noneError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Go_e_round_trip_through_a_simulated_go_e_charger()
    {
        var port = Peers.FreeTcpPort();
        await using var broker = await EmbeddedMqttBroker.StartAsync(port);
        var site = TestSites.Site([TestSites.ChargePoint("goe", Domain.Site.ChargeMode.Now) with { Protocol = "go-e", Simulated = true }]);
        var simulation = new Simulation.SimulatedSite(site, new Simulation.Settings.SimulationSettings
        {
            Pv = new Simulation.Settings.SimulatedPvSettings { Peak = new(0) },
            House = new Simulation.Settings.SimulatedHouseSettings(),
        }, TimeProvider.System);
        simulation.Advance();
        await using var endpoint = new GoEChargerEndpoint(simulation.ChargePoint("goe"), "204711", TimeProvider.System);
        await endpoint.ConnectAsync(new Uri($"mqtt://127.0.0.1:{port}"), Ct);
        using var publishing = new CancellationTokenSource();
        var loop = Task.Run(async () =>
        {
            while (!publishing.IsCancellationRequested)
            {
                await endpoint.PublishStateAsync(CancellationToken.None);
                await Task.Delay(50, CancellationToken.None);
            }
        }, Ct);

        var (exit, output, error) = await CliTests.Run(["charger", "test", "--broker", $"mqtt://127.0.0.1:{port}", "--protocol", "go-e", "--id", "204711", "--current", "12", "--json"]);
        await publishing.CancelAsync();
        await loop;

        Assert.True(exit == 0, error);
        Assert.Equal(12, JsonDocument.Parse(output).RootElement.GetProperty("setpoint").GetProperty("current_a").GetDouble());
        Assert.True(endpoint.CommandsReceived >= 2, "psm, amx and frc were sent");
    }
}
