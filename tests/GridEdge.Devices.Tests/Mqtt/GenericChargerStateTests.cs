using System.Buffers;
using System.Text;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class GenericChargerStateTests
{
    private static readonly ChargePointDefinition Wallbox = TestSites.ChargePoint("garage", ChargeMode.Solar);
    private static readonly ChargePointDefinition V2h = TestSites.ChargePoint("v2h", ChargeMode.Now, phases: 1, volts: 200) with { Bidirectional = true };

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Recorded_charging_state_maps_to_a_sample()
    {
        var sample = GenericChargerState.Parse(
            Bytes("""{"connected":true,"charging":true,"power_w":7245.5,"current_a":10.5,"energy_wh":1234.5,"soc":56.5,"phases":3,"max_current_a":16,"min_current_a":6,"v2h":false,"max_discharge_w":0}"""),
            Wallbox);

        Assert.Equal(ChargePointStatus.Charging, sample.Status);
        Assert.Equal(3, sample.ActivePhases);
        Assert.Equal(10.5, sample.ChargeCurrent.Amperes);
        Assert.Equal(7245.5, sample.Power.Watts);
        Assert.Equal(1234.5, sample.SessionEnergy.WattHours);
        Assert.Equal(0.565, sample.Vehicle!.StateOfCharge!.Value, 9);
    }

    [Fact]
    public void Discharging_v2h_state_has_negative_power_and_positive_current()
    {
        var sample = GenericChargerState.Parse(Bytes("""{"connected":true,"charging":true,"power_w":-4000,"phases":1,"v2h":true}"""), V2h);

        Assert.Equal(-4000, sample.Power.Watts);
        Assert.Equal(20, sample.ChargeCurrent.Amperes, 9);
    }

    [Theory]
    [InlineData("""{"connected":false,"charging":false,"power_w":0}""", ChargePointStatus.Disconnected)]
    [InlineData("""{"connected":true,"charging":false,"power_w":0}""", ChargePointStatus.Connected)]
    [InlineData("""{"connected":true,"charging":false,"complete":true,"power_w":0}""", ChargePointStatus.Complete)]
    [InlineData("""{"connected":true,"charging":false,"error":true,"power_w":0}""", ChargePointStatus.Error)]
    public void Status_follows_the_flags(string json, ChargePointStatus expected)
    {
        Assert.Equal(expected, GenericChargerState.Parse(Bytes(json), Wallbox).Status);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2,3]", "expected a JSON object, got array")]
    [InlineData("""{"charging":true,"power_w":1}""", "'connected' is missing")]
    [InlineData("""{"connected":"yes","charging":true,"power_w":1}""", "'connected' must be true or false, got \"yes\"")]
    [InlineData("""{"connected":true,"charging":true,"power_w":"7kW"}""", "'power_w' must be a number, got \"7kW\"")]
    [InlineData("""{"connected":true,"charging":true,"power_w":1,"phases":4}""", "'phases' must be 1, 2 or 3, got 4")]
    [InlineData("""{"connected":true,"charging":true,"power_w":1,"soc":140}""", "'soc' must be 0–100 %, got 140")]
    [InlineData("""{"connected":true,"charging":true,"power_w":1e400}""", "'power_w' must be a number")]
    public void Malformed_state_is_refused_with_the_reason(string json, string reason)
    {
        var error = Assert.Throws<ChargerPayloadException>(() => GenericChargerState.Parse(Bytes(json), Wallbox));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Huge_payload_is_refused_before_parsing()
    {
        var huge = "{\"connected\":true,\"charging\":true,\"power_w\":1,\"pad\":\"" + new string('x', 100_000) + "\"}";
        var error = Assert.Throws<ChargerPayloadException>(() => GenericChargerState.Parse(Bytes(huge), Wallbox));
        Assert.Contains("exceeds the 16384-byte limit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deeply_nested_payload_is_refused()
    {
        var nested = "{\"connected\":true,\"charging\":true,\"power_w\":1,\"x\":" + new string('[', 50) + new string(']', 50) + "}";
        Assert.Throws<ChargerPayloadException>(() => GenericChargerState.Parse(Bytes(nested), Wallbox));
    }
}
