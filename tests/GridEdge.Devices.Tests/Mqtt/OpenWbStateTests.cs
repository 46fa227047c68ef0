using System.Buffers;
using System.Text;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class OpenWbStateTests
{
    private static readonly ChargePointDefinition Chargepoint = TestSites.ChargePoint("openwb", ChargeMode.Now) with { Protocol = "openwb", DeviceId = "0" };

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>Values as openWB 2.x publishes them under openWB/internal_chargepoint/0/get/ (json.dumps of each value).</summary>
    private static OpenWbState Recorded(bool plugged, bool charging, double imported = 12345.67)
    {
        var state = new OpenWbState();
        state.Apply("imported", Bytes(imported.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        state.Apply("plug_state", Bytes(plugged ? "true" : "false"));
        state.Apply("charge_state", Bytes(charging ? "true" : "false"));
        state.Apply("power", Bytes(charging ? "7012.34" : "0.0"));
        state.Apply("currents", Bytes(charging ? "[10.12, 10.21, 10.05]" : "[0.0, 0.0, 0.0]"));
        state.Apply("phases_in_use", Bytes(charging ? "3" : "0"));
        state.Apply("fault_state", Bytes("0"));
        state.Apply("fault_str", Bytes("\"Kein Fehler.\""));
        return state;
    }

    [Fact]
    public void Recorded_charging_values_map_to_a_sample()
    {
        var state = Recorded(plugged: true, charging: true);
        state.Apply("imported", Bytes("13345.67"));
        var sample = state.ToSample(Chargepoint)!;

        Assert.Equal(ChargePointStatus.Charging, sample.Status);
        Assert.Equal(3, sample.ActivePhases);
        Assert.Equal(10.21, sample.ChargeCurrent.Amperes, 9);
        Assert.Equal(7012.34, sample.Power.Watts, 9);
        Assert.Equal(1000, sample.SessionEnergy.WattHours, 6);
    }

    [Fact]
    public void No_sample_until_plug_and_charge_state_are_known()
    {
        var state = new OpenWbState();
        Assert.True(state.Apply("power", Bytes("0")));
        Assert.Null(state.ToSample(Chargepoint));
        state.Apply("plug_state", Bytes("false"));
        Assert.Null(state.ToSample(Chargepoint));
        state.Apply("charge_state", Bytes("false"));
        Assert.Equal(ChargePointStatus.Disconnected, state.ToSample(Chargepoint)!.Status);
    }

    [Fact]
    public void Session_energy_counts_from_plug_in_and_resets_on_unplug()
    {
        var state = Recorded(plugged: false, charging: false, imported: 5000);
        state.Apply("plug_state", Bytes("true"));
        state.Apply("imported", Bytes("5600"));
        Assert.Equal(600, state.SessionWh);

        state.Apply("plug_state", Bytes("false"));
        Assert.Equal(0, state.ToSample(Chargepoint)!.SessionEnergy.WattHours);
        state.Apply("plug_state", Bytes("true"));
        state.Apply("imported", Bytes("5700"));
        Assert.Equal(100, state.SessionWh);
    }

    [Fact]
    public void A_vehicle_that_stops_drawing_after_taking_energy_with_current_offered_is_complete()
    {
        var state = Recorded(plugged: true, charging: false, imported: 1000);
        state.Apply("set_current", Bytes("16"));
        Assert.Equal(ChargePointStatus.Connected, state.ToSample(Chargepoint)!.Status); // nothing taken yet: waking up

        state.Apply("imported", Bytes("9000"));
        Assert.Equal(ChargePointStatus.Complete, state.ToSample(Chargepoint)!.Status);

        state.Apply("set_current", Bytes("0"));
        Assert.Equal(ChargePointStatus.Connected, state.ToSample(Chargepoint)!.Status); // we stopped it
    }

    [Theory]
    [InlineData("0", ChargePointStatus.Charging)]
    [InlineData("1", ChargePointStatus.Charging)]
    [InlineData("2", ChargePointStatus.Error)]
    public void Fault_state_2_is_an_error_a_warning_is_not(string fault, ChargePointStatus expected)
    {
        var state = Recorded(plugged: true, charging: true);
        state.Apply("fault_state", Bytes(fault));
        Assert.Equal(expected, state.ToSample(Chargepoint)!.Status);
    }

    [Fact]
    public void One_phase_charging_is_seen_from_phases_in_use_or_the_currents()
    {
        var state = Recorded(plugged: true, charging: true);
        state.Apply("phases_in_use", Bytes("1"));
        Assert.Equal(1, state.ToSample(Chargepoint)!.ActivePhases);

        state.Apply("phases_in_use", Bytes("0"));
        state.Apply("currents", Bytes("[15.9, 0.0, 0.0]"));
        Assert.Equal(1, state.ToSample(Chargepoint)!.ActivePhases);
    }

    [Fact]
    public void Command_echoes_are_kept()
    {
        var state = new OpenWbState();
        state.Apply("set_current", Bytes("10.5"));
        state.Apply("phases_to_use", Bytes("1"));
        state.Apply("evse_current", Bytes("10.5"));
        Assert.Equal(10.5, state.AcceptedCurrent);
        Assert.Equal(1, state.AcceptedPhases);
        Assert.Equal(10.5, state.EvseCurrent);
    }

    [Theory]
    [InlineData("plug_state", "1", "'plug_state' must be true or false, got 1")]
    [InlineData("charge_state", "\"true\"", "'charge_state' must be true or false, got \"true\"")]
    [InlineData("power", "\"7kW\"", "'power' must be a number, got \"7kW\"")]
    [InlineData("power", "1e999", "'power' must be a number")]
    [InlineData("currents", "[1, 2]", "'currents' must be an array of 3 numbers, got [1, 2]")]
    [InlineData("currents", "{\"L1\": 1}", "'currents' must be an array of 3 numbers")]
    [InlineData("currents", "[1, null, 3]", "'currents[1]' must be a number, got null")]
    [InlineData("imported", "-5", "'imported' must be ≥ 0, got -5")]
    [InlineData("phases_in_use", "4", "'phases_in_use' must be an integer 0–3, got 4")]
    [InlineData("fault_state", "1.5", "'fault_state' must be an integer 0–2, got 1.5")]
    [InlineData("fault_str", "42", "'fault_str' must be a string, got 42")]
    [InlineData("set_current", "250", "'set_current' must be within 0–100, got 250")]
    [InlineData("power", "7012,3", "not valid JSON")]
    [InlineData("plug_state", "", "not valid JSON")]
    public void Malformed_values_are_refused_naming_the_key(string key, string payload, string reason)
    {
        var error = Assert.Throws<ChargerPayloadException>(() => new OpenWbState().Apply(key, Bytes(payload)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_payload_is_refused_before_parsing()
    {
        var huge = "[" + string.Join(',', Enumerable.Repeat("1.0", 10_000)) + "]";
        var error = Assert.Throws<ChargerPayloadException>(() => new OpenWbState().Apply("currents", Bytes(huge)));
        Assert.Contains("exceeds the 16384-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_ignored_and_leave_the_state_alone()
    {
        var state = Recorded(plugged: true, charging: true);
        Assert.False(state.Apply("voltages", Bytes("not even json")));
        Assert.False(state.Apply("state_str", Bytes("\"Lädt.\"")));
        Assert.Equal(ChargePointStatus.Charging, state.ToSample(Chargepoint)!.Status);
    }
}
