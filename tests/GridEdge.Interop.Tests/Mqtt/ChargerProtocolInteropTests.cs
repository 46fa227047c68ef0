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

/// <summary>
/// The openWB 2.x and EVerest drivers against mosquitto, with mosquitto_pub playing the charger
/// (its recorded payloads, its command echo) and mosquitto_sub watching the commands on the wire.
/// </summary>
public sealed class ChargerProtocolInteropTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OpenWb_chargepoint_reads_state_takes_a_current_with_heartbeat_and_confirms_by_the_echo()
    {
        var definition = TestSites.ChargePoint("openwb", ChargeMode.Now) with { Protocol = "openwb", DeviceId = "1" };
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await using var connection = await ConnectAsync(broker);
        var driver = new OpenWbChargePoint(definition, connection, TimeProvider.System, NullLogger.Instance);
        await driver.StartAsync(Ct);

        // openWB publishes its values retained, one topic each.
        const string Get = "openWB/internal_chargepoint/1/get";
        foreach (var (key, value) in new[] { ("imported", "20000.5"), ("plug_state", "true"), ("power", "6900.0"), ("currents", "[10.0, 10.0, 10.0]"), ("phases_in_use", "3"), ("fault_state", "0"), ("charge_state", "true") })
        {
            await MosquittoClients.PublishAsync(broker.Port, $"{Get}/{key}", value, retain: true, Ct);
        }

        await Eventually(() => driver.LatestSample?.Status == ChargePointStatus.Charging && driver.LatestSample.Power.Watts == 6900, "openWB state read");
        Assert.Equal(ReadingQuality.Good, (await driver.ReadAsync(Ct)).Quality);

        var setpoint = Setpoint.ForCurrent(definition.Id, new Current(10), 3, Voltage.Europe, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
        var wire = await CommandsAsync(broker, "openWB/set/#", 2, () => driver.ApplyAsync(setpoint, Ct).AsTask());
        Assert.Matches("""^0 openWB/set/internal_chargepoint/global_data \{"heartbeat":\d{10},"parent_ip":null\}$""", wire[0]);
        Assert.Equal("0 openWB/set/internal_chargepoint/1/data/set_current 10", wire[1]);

        Assert.False(driver.Confirms(setpoint));
        await MosquittoClients.PublishAsync(broker.Port, "openWB/internal_chargepoint/1/data/set_current", "10", retain: true, Ct);
        await Eventually(() => driver.Confirms(setpoint), "set_current echo confirms the setpoint");

        await MosquittoClients.PublishAsync(broker.Port, $"{Get}/power", "\"lots\"", retain: false, Ct);
        await Eventually(() => driver.InvalidPayloads == 1, "bad power value counted");
        Assert.Equal($"{Get}/power: 'power' must be a number, got \"lots\"", driver.LastError);
        Assert.Equal(6900, (await driver.ReadAsync(Ct)).Value.Power.Watts);
        await Assert.ThrowsAsync<InvalidOperationException>(() => driver.ApplyAsync(Setpoint.ForPower(definition.Id, new Power(-2000), 3, Voltage.Europe, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30)), Ct).AsTask());
    }

    [Fact]
    public async Task Everest_connector_discharges_pauses_resumes_and_confirms_from_its_variables()
    {
        var definition = TestSites.ChargePoint("everest", ChargeMode.Now, maxAmperes: 32) with { Protocol = "everest", Bidirectional = true, MaxDischarge = new Power(11_000) };
        await using var broker = await MosquittoPeer.StartAsync(Ct);
        await using var connection = await ConnectAsync(broker);
        var driver = new EverestChargePoint(definition, connection, TimeProvider.System, NullLogger.Instance);
        await driver.StartAsync(Ct);

        const string Var = "everest_api/evse_manager/var";
        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/hardware_capabilities", """{"max_current_A_export":16.0,"max_current_A_import":32.0,"max_phase_count_import":3,"min_current_A_import":6.0}""", retain: false, Ct);
        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/limits", """{"max_current":32.0,"nr_of_phases_available":3,"uuid":"evse_manager"}""", retain: false, Ct);
        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/session_info", """{"charged_energy_wh":800,"discharged_energy_wh":0,"latest_total_w":0.0,"state":"Preparing","active_permanent_faults":[],"active_errors":[]}""", retain: false, Ct);
        await Eventually(() => driver.LatestSample?.Status == ChargePointStatus.Connected, "EVerest session read");
        Assert.True(driver.ReportsDischarge);

        var now = DateTimeOffset.UtcNow;
        var discharge = Setpoint.ForPower(definition.Id, new Power(-3000), 3, Voltage.Europe, now, TimeSpan.FromSeconds(30));
        var stop = Setpoint.ForCurrent(definition.Id, Current.Zero, 3, Voltage.Europe, now, TimeSpan.FromSeconds(30));
        var charge = Setpoint.ForCurrent(definition.Id, new Current(10), 3, Voltage.Europe, now, TimeSpan.FromSeconds(30));
        var wire = await CommandsAsync(broker, "everest_api/evse_manager/cmd/#", 5, async () =>
        {
            await driver.ApplyAsync(discharge, Ct);
            await driver.ApplyAsync(stop, Ct);
            await driver.ApplyAsync(charge, Ct);
        });
        Assert.Equal(
            [
                "0 everest_api/evse_manager/cmd/set_limit_watts -3000",
                "0 everest_api/evse_manager/cmd/set_limit_amps 0",
                "0 everest_api/evse_manager/cmd/pause_charging 1",
                "0 everest_api/evse_manager/cmd/set_limit_amps 10",
                "0 everest_api/evse_manager/cmd/resume_charging 1",
            ],
            wire);

        // The charger reports what it does: discharging at 3 kW, then its limit at 10 A.
        Assert.False(driver.Confirms(discharge));
        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/powermeter", """{"power_W":{"total":-2990.5},"current_A":{"L1":-4.3,"L2":-4.3,"L3":-4.4}}""", retain: false, Ct);
        await Eventually(() => driver.Confirms(discharge), "discharge power confirms");
        Assert.True(driver.LatestSample!.Power.Watts < 0);
        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/limits", """{"max_current":10.0,"nr_of_phases_available":3}""", retain: false, Ct);
        await Eventually(() => driver.Confirms(charge), "limits.max_current confirms the current");

        await MosquittoClients.PublishAsync(broker.Port, $"{Var}/session_info", """{"state":"Charging"}""", retain: false, Ct);
        await Eventually(() => driver.InvalidPayloads == 1, "session_info without energy counted");
        Assert.Equal($"{Var}/session_info: 'charged_energy_wh' is missing", driver.LastError);
        Assert.Equal(ChargePointStatus.Connected, driver.LatestSample!.Status);
    }

    private static async Task<MqttConnection> ConnectAsync(MosquittoPeer broker)
    {
        var connection = new MqttConnection("chargers", new MqttBrokerOptions
        {
            Url = new Uri($"mqtt://127.0.0.1:{broker.Port}"),
            ClientId = "gridedge-charger-protocols",
            MaxReconnectDelay = TimeSpan.FromSeconds(1),
        }, TimeProvider.System, NullLogger.Instance);
        connection.Start();
        await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), Ct);
        return connection;
    }

    /// <summary>Runs <paramref name="act"/> with mosquitto_sub on <paramref name="filter"/> and returns the <paramref name="count"/> messages it saw ("retain topic payload").</summary>
    private static async Task<string[]> CommandsAsync(MosquittoPeer broker, string filter, int count, Func<Task> act)
    {
        await using var watcher = MosquittoClients.Subscribe(broker.Port, filter, "-C", count.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Task.Delay(300, Ct); // let the subscription reach the broker
        await act();
        await watcher.WaitForExitAsync(TimeSpan.FromSeconds(10), Ct);
        return watcher.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        limit.CancelAfter(TimeSpan.FromSeconds(5));
        while (!condition())
        {
            try
            {
                await Task.Delay(10, limit.Token);
            }
            catch (OperationCanceledException) when (!Ct.IsCancellationRequested)
            {
                Assert.Fail($"not within 5 s: {what}");
            }
        }
    }
}
