using System.Buffers;
using System.Text;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class EverestStateTests
{
    // Recorded from the API module's documentation (everest-core modules/API), one per variable.
    private const string Session = """{"charged_energy_wh":1523.5,"charging_duration_s":84,"datetime":"2026-11-23T10:18:57.746Z","discharged_energy_wh":0,"latest_total_w":10807.6,"state":"Charging","active_permanent_faults":[],"active_errors":[]}""";
    private const string Limits = """{"max_current":16.0,"nr_of_phases_available":3,"uuid":"evse_manager"}""";
    private const string Capabilities = """{"max_current_A_export":16.0,"max_current_A_import":32.0,"max_phase_count_export":3,"max_phase_count_import":3,"min_current_A_export":0.0,"min_current_A_import":6.0,"min_phase_count_export":1,"min_phase_count_import":1,"supports_changing_phases_during_charging":true}""";
    private const string Meter = """{"current_A":{"L1":15.6,"L2":15.7,"L3":15.5,"N":0.2},"energy_Wh_import":{"L1":1537.3,"L2":1537.3,"L3":1537.3,"total":4611.9},"meter_id":"YETI_POWERMETER","phase_seq_error":false,"power_W":{"L1":3602.5,"L2":3602.5,"L3":3602.5,"total":10807.6},"timestamp":1665509120.0,"voltage_V":{"L1":230.1,"L2":229.8,"L3":230.4}}""";

    private static readonly ChargePointDefinition Charger = TestSites.ChargePoint("everest", ChargeMode.Now, maxAmperes: 32) with { Protocol = "everest" };

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    private static EverestState Recorded(string session = Session)
    {
        var state = new EverestState();
        Assert.True(state.Apply("hardware_capabilities", Bytes(Capabilities)));
        Assert.True(state.Apply("limits", Bytes(Limits)));
        Assert.True(state.Apply("powermeter", Bytes(Meter)));
        Assert.True(state.Apply("session_info", Bytes(session)));
        return state;
    }

    private static string SessionIn(string state) => Session.Replace("\"Charging\"", $"\"{state}\"", StringComparison.Ordinal);

    [Fact]
    public void Recorded_variables_map_to_a_sample()
    {
        var state = Recorded();
        var sample = state.ToSample(Charger)!;

        Assert.Equal(ChargePointStatus.Charging, sample.Status);
        Assert.Equal(3, sample.ActivePhases);
        Assert.Equal(15.7, sample.ChargeCurrent.Amperes, 9);
        Assert.Equal(10807.6, sample.Power.Watts, 9);
        Assert.Equal(1523.5, sample.SessionEnergy.WattHours, 9);
        Assert.Equal(16, state.LimitCurrent);
        Assert.Equal(6, state.MinImportCurrent);
        Assert.True(state.CanDischarge);
    }

    [Fact]
    public void No_sample_until_session_info_is_seen()
    {
        var state = new EverestState();
        state.Apply("limits", Bytes(Limits));
        state.Apply("powermeter", Bytes(Meter));
        Assert.Null(state.ToSample(Charger));
        Assert.Null(state.CanDischarge);
    }

    [Theory]
    [InlineData("Unplugged", ChargePointStatus.Disconnected)]
    [InlineData("Preparing", ChargePointStatus.Connected)]
    [InlineData("AuthRequired", ChargePointStatus.Connected)]
    [InlineData("WaitingForEnergy", ChargePointStatus.Connected)]
    [InlineData("ChargingPausedEVSE", ChargePointStatus.Connected)]
    [InlineData("Charging", ChargePointStatus.Charging)]
    [InlineData("ChargingPausedEV", ChargePointStatus.Complete)]
    [InlineData("Finished", ChargePointStatus.Complete)]
    [InlineData("Disabled", ChargePointStatus.Error)]
    public void Session_state_maps_to_status(string everest, ChargePointStatus expected)
    {
        Assert.Equal(expected, Recorded(SessionIn(everest)).ToSample(Charger)!.Status);
    }

    [Theory]
    [InlineData("""["MREC2GroundFailure"]""")]
    [InlineData("""[{"type":"evse_board_support/MREC2GroundFailure","severity":"High"}]""")]
    [InlineData("\"MREC2GroundFailure\"")]
    public void A_permanent_fault_is_an_error_in_either_format(string faults)
    {
        var state = Recorded(Session.Replace("\"active_permanent_faults\":[]", $"\"active_permanent_faults\":{faults}", StringComparison.Ordinal));
        Assert.Equal(ChargePointStatus.Error, state.ToSample(Charger)!.Status);
        Assert.Contains("MREC2GroundFailure", state.Fault, StringComparison.Ordinal);
    }

    [Fact]
    public void Discharging_has_negative_power_and_positive_current()
    {
        var state = Recorded();
        state.Apply("powermeter", Bytes("""{"power_W":{"total":-6900},"current_A":{"L1":-10,"L2":-10,"L3":-10}}"""));
        var sample = state.ToSample(Charger)!;
        Assert.Equal(-6900, sample.Power.Watts);
        Assert.Equal(10, sample.ChargeCurrent.Amperes);
    }

    [Fact]
    public void Without_a_powermeter_the_session_power_is_used()
    {
        var state = new EverestState();
        state.Apply("session_info", Bytes(Session));
        var sample = state.ToSample(Charger)!;
        Assert.Equal(10807.6, sample.Power.Watts, 9);
        Assert.Equal(10807.6 / (230 * 3), sample.ChargeCurrent.Amperes, 6);
    }

    [Fact]
    public void Older_capabilities_without_export_keys_mean_no_discharge()
    {
        var state = new EverestState();
        state.Apply("hardware_capabilities", Bytes("""{"max_current_A":32.0,"max_phase_count":3,"min_current_A":6.0,"min_phase_count":1,"supports_changing_phases_during_charging":false}"""));
        Assert.False(state.CanDischarge);
        Assert.Equal(32, state.MaxImportCurrent);
    }

    [Theory]
    [InlineData("session_info", "not json", "not valid JSON")]
    [InlineData("session_info", "[]", "expected a JSON object, got array")]
    [InlineData("session_info", """{"charged_energy_wh":1}""", "'state' is missing or not a string")]
    [InlineData("session_info", """{"state":"Charging"}""", "'charged_energy_wh' is missing")]
    [InlineData("session_info", """{"state":"Flying","charged_energy_wh":1}""", "'state' is not a known session state: 'Flying'")]
    [InlineData("session_info", """{"state":"Charging","charged_energy_wh":"1 kWh"}""", "'charged_energy_wh' must be a number, got \"1 kWh\"")]
    [InlineData("session_info", """{"state":"Charging","charged_energy_wh":1,"active_permanent_faults":5}""", "'active_permanent_faults' must be a list or a string")]
    [InlineData("limits", """{"nr_of_phases_available":3}""", "'max_current' is missing")]
    [InlineData("limits", """{"max_current":16,"nr_of_phases_available":2.5}""", "'nr_of_phases_available' must be 0–3, got 2.5")]
    [InlineData("hardware_capabilities", """{"max_phase_count_import":3}""", "'max_current_A_import' is missing")]
    [InlineData("powermeter", """{"current_A":{"L1":1}}""", "'power_W' is missing")]
    [InlineData("powermeter", """{"power_W":1000}""", "'power_W' must be an object")]
    [InlineData("powermeter", """{"power_W":{"L1":1000}}""", "'total' is missing")]
    [InlineData("powermeter", """{"power_W":{"total":true}}""", "'total' must be a number, got true")]
    public void Malformed_variables_are_refused_naming_the_key(string key, string payload, string reason)
    {
        var error = Assert.Throws<ChargerPayloadException>(() => new EverestState().Apply(key, Bytes(payload)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_variable_leaves_the_state_as_it_was()
    {
        var state = Recorded();
        Assert.Throws<ChargerPayloadException>(() => state.Apply("session_info", Bytes("""{"state":"Unplugged"}""")));
        Assert.Equal("Charging", state.State);
        Assert.Equal(1523.5, state.ChargedWh);
    }

    [Fact]
    public void Huge_and_deeply_nested_payloads_are_refused()
    {
        var huge = Session.Replace("\"state_info\"", "\"x\"", StringComparison.Ordinal).TrimEnd('}') + ",\"pad\":\"" + new string('x', 20_000) + "\"}";
        var error = Assert.Throws<ChargerPayloadException>(() => new EverestState().Apply("session_info", Bytes(huge)));
        Assert.Contains("exceeds the 16384-byte limit", error.Message, StringComparison.Ordinal);

        var nested = "{\"power_W\":" + new string('[', 40) + new string(']', 40) + "}";
        Assert.Throws<ChargerPayloadException>(() => new EverestState().Apply("powermeter", Bytes(nested)));
    }

    [Fact]
    public void Variables_it_does_not_use_are_ignored()
    {
        var state = new EverestState();
        Assert.False(state.Apply("datetime", Bytes("2026-11-23T10:18:57.746Z")));
        Assert.False(state.Apply("telemetry", Bytes("{}")));
    }
}
