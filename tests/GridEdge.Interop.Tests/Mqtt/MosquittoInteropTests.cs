using System.Diagnostics;
using GridEdge.Control;
using GridEdge.Devices.Mqtt;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Interop.Tests.Mqtt;

/// <summary>The MQTT charger path against mosquitto, with mosquitto_pub/sub playing the charger and observers.</summary>
public sealed class MosquittoInteropTests
{
    private const string Prefix = "test/charger";
    private const string Device = "wb1";
    private const string StateJson = """{"connected":true,"charging":true,"power_w":11040,"current_a":16,"phases":3}""";

    private static readonly ChargePointDefinition Wallbox = TestSites.ChargePoint("wallbox", ChargeMode.Now) with
    {
        Protocol = "generic",
        DeviceId = Device,
        Prefix = Prefix,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static MqttConnection Gateway(MosquittoPeer broker, string scheme = "mqtt", string host = "127.0.0.1", string? caFile = null, MqttCredentials? credentials = null, int protocolVersion = 5) =>
        new("test", new MqttBrokerOptions
        {
            ProtocolVersion = protocolVersion,
            Url = new Uri($"{scheme}://{host}:{broker.Port}"),
            ClientId = "gridedge-test",
            StatusTopic = "gridedge/test/status",
            CaFile = caFile,
            Credentials = credentials,
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        }, TimeProvider.System, NullLogger.Instance);

    private static async Task WaitUntil(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds} s");
            }

            await Task.Delay(20, Ct);
        }
    }

    private static async Task<Reading<ChargePointSample>> Read(MqttChargePoint driver) => await driver.ReadAsync(Ct);

    [Fact]
    public async Task Charger_offline_by_last_will_makes_its_reading_invalid_and_the_controller_fail_safe_for_it()
    {
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await using var connection = Gateway(broker);
        var driver = new GenericJsonChargePoint(Wallbox, connection, TimeProvider.System, NullLogger.Instance);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        await driver.StartAsync(Ct);

        // The "charger": a session that holds the retained last will, plus its retained state.
        var charger = MosquittoClients.Subscribe(broker.Port, $"{Prefix}/{Device}/set",
            "--will-topic", $"{Prefix}/{Device}/status", "--will-payload", "offline", "--will-retain");
        await MosquittoClients.PublishAsync(broker.Port, $"{Prefix}/{Device}/status", "online", retain: true, Ct);
        await MosquittoClients.PublishAsync(broker.Port, $"{Prefix}/{Device}/state", StateJson, retain: true, Ct);
        await WaitUntil(() => driver.Messages > 0, TimeSpan.FromSeconds(5), "state received");

        var controller = new SiteController(TestSites.Site([Wallbox]));
        var online = await Read(driver);
        Assert.Equal(ReadingQuality.Good, online.Quality);
        Assert.Equal(ChargePointStatus.Charging, online.Value.Status);
        var charging = Decide(controller, online);
        Assert.False(charging.Setpoint.IsStop);
        Assert.NotEqual(DecisionReason.ChargerStale, charging.Reason);

        // The charger drops off the network without saying goodbye: the broker publishes its will.
        await charger.DisposeAsync();
        await WaitUntil(() => driver.IsOffline, TimeSpan.FromSeconds(5), "last will seen");

        var offline = await Read(driver);
        Assert.Equal(ReadingQuality.Invalid, offline.Quality);
        var decision = Decide(controller, offline);
        Assert.Equal(DecisionReason.ChargerStale, decision.Reason);
        // The default fail-safe action keeps a running charge at its minimum current.
        Assert.Equal(Wallbox.MinCurrent, decision.Setpoint.Current);
    }

    [Fact]
    public async Task Gateway_reconnects_and_resumes_within_5_s_after_a_broker_restart()
    {
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await using var connection = Gateway(broker);
        var driver = new GenericJsonChargePoint(Wallbox, connection, TimeProvider.System, NullLogger.Instance);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        await driver.StartAsync(Ct);
        await MosquittoClients.PublishAsync(broker.Port, $"{Prefix}/{Device}/state", StateJson, retain: true, Ct);
        await WaitUntil(() => driver.Messages == 1, TimeSpan.FromSeconds(5), "first state");

        await broker.StopAsync(Ct);
        await WaitUntil(() => !connection.IsConnected, TimeSpan.FromSeconds(5), "disconnect noticed");
        await Task.Delay(1500, Ct);
        await broker.RestartAsync(Ct);
        var back = Stopwatch.StartNew();
        await MosquittoClients.PublishAsync(broker.Port, $"{Prefix}/{Device}/state", StateJson.Replace("11040", "7000", StringComparison.Ordinal), retain: true, Ct);
        await WaitUntil(() => driver.Messages >= 2, TimeSpan.FromSeconds(5), "state after the restart (reconnect + re-subscribe)");

        Assert.True(back.Elapsed < TimeSpan.FromSeconds(5), $"resumed after {back.Elapsed.TotalSeconds:0.0} s");
        Assert.Equal(7000, (await Read(driver)).Value.Power.Watts);
        Assert.True(connection.Connects >= 2);
    }

    [Fact]
    public async Task Status_is_retained_online_then_offline_and_commands_are_never_retained()
    {
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        var connection = Gateway(broker);
        var driver = new GenericJsonChargePoint(Wallbox, connection, TimeProvider.System, NullLogger.Instance);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        await driver.StartAsync(Ct);

        await using (var status = MosquittoClients.Subscribe(broker.Port, "gridedge/test/status", "-C", "1"))
        {
            await status.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Contains("1 gridedge/test/status online", status.Output, StringComparison.Ordinal);
        }

        await using (var commands = MosquittoClients.Subscribe(broker.Port, $"{Prefix}/{Device}/set", "-C", "1"))
        {
            await Task.Delay(300, Ct);
            var now = DateTimeOffset.UtcNow;
            await driver.ApplyAsync(Setpoint.ForCurrent(Wallbox.Id, new Current(10), 3, Voltage.Europe, now, TimeSpan.FromSeconds(10)), Ct);
            await commands.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.Matches("""^0 test/charger/wb1/set \{"current_a":10,"phases":3,"expires_s":(9|10)\}""", commands.Output.Trim());
        }

        await connection.DisposeAsync();
        await using var after = MosquittoClients.Subscribe(broker.Port, "gridedge/test/status", "-C", "1");
        await after.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
        Assert.Contains("1 gridedge/test/status offline", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_with_a_test_ca_and_username_password()
    {
        TestCertificates? certificates = null;
        var passwd = Peers.Require("mosquitto_passwd", "mosquitto");
        await using var broker = await MosquittoPeer.StartAsync(Ct, directory =>
        {
            certificates = TestCertificates.Create(directory, DateTimeOffset.UtcNow);
            var passwords = Path.Combine(directory, "passwd");
            using (var create = Process.Start(passwd, ["-c", "-b", passwords, "gateway", "correct horse"]))
            {
                create.WaitForExit(10_000);
            }

            return $"""
                allow_anonymous false
                password_file {passwords}
                cafile {certificates.CaFile}
                certfile {certificates.ServerCertificateFile}
                keyfile {certificates.ServerKeyFile}
                """;
        });

        await using (var good = Gateway(broker, "mqtts", "localhost", certificates!.CaFile, new MqttCredentials("gateway", "correct horse")))
        {
            good.Start();
            await good.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
            Assert.True(good.IsConnected);
        }

        await using (var wrongPassword = Gateway(broker, "mqtts", "localhost", certificates.CaFile, new MqttCredentials("gateway", "battery staple")))
        {
            wrongPassword.Start();
            await Assert.ThrowsAsync<TimeoutException>(() => wrongPassword.WaitConnectedAsync(TimeSpan.FromSeconds(2), Ct));
        }

        // Another CA than the broker's: the certificate is not trusted, whatever the password.
        var otherCa = TestCertificates.Create(Directory.CreateTempSubdirectory("gridedge-otherca-").FullName, DateTimeOffset.UtcNow);
        await using (var untrusted = Gateway(broker, "mqtts", "localhost", otherCa.CaFile, new MqttCredentials("gateway", "correct horse")))
        {
            untrusted.Start();
            await Assert.ThrowsAsync<TimeoutException>(() => untrusted.WaitConnectedAsync(TimeSpan.FromSeconds(2), Ct));
        }
    }

    [Fact]
    public async Task Mqtt_3_1_1_works_like_mqtt_5()
    {
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await using var connection = Gateway(broker, protocolVersion: 3);
        var driver = new GenericJsonChargePoint(Wallbox, connection, TimeProvider.System, NullLogger.Instance);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        await driver.StartAsync(Ct);

        await using var commands = MosquittoClients.Subscribe(broker.Port, $"{Prefix}/{Device}/set", "-C", "1", "-V", "mqttv311");
        await MosquittoClients.PublishAsync(broker.Port, $"{Prefix}/{Device}/state", StateJson, retain: true, Ct);
        await WaitUntil(() => driver.Messages > 0, TimeSpan.FromSeconds(5), "state received over MQTT 3.1.1");
        await Task.Delay(300, Ct);
        await driver.ApplyAsync(Setpoint.ForCurrent(Wallbox.Id, new Current(8), 3, Voltage.Europe, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(10)), Ct);
        await commands.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);

        Assert.Equal(16, (await Read(driver)).Value.ChargeCurrent.Amperes);
        Assert.Contains("\"current_a\":8", commands.Output, StringComparison.Ordinal);
    }

    private static ChargePointDecision Decide(SiteController controller, Reading<ChargePointSample> charger)
    {
        var now = DateTimeOffset.UtcNow;
        var snapshot = new SnapshotBuilder(now).Grid([2, 2, 2]).Build();
        var withCharger = new SiteSnapshot(now, snapshot.Meters, new Dictionary<string, Reading<ChargePointSample>> { [Wallbox.Id] = charger });
        return controller.Decide(withCharger).ChargePoints.Single();
    }
}
