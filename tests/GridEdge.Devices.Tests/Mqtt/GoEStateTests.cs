using System.Buffers;
using System.Text;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class GoEStateTests
{
    private static readonly ChargePointDefinition Charger = TestSites.ChargePoint("goe", ChargeMode.Now);

    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Keys_assemble_into_a_sample_once_car_is_known()
    {
        var state = new GoEState();
        Assert.True(state.Apply("nrg", Bytes("[231,230,229,0,10.1,10.2,10.0,2330,2346,2290,0,6966,1,1,1,0]")));
        Assert.Null(state.ToSample(Charger));

        state.Apply("car", Bytes("2"));
        state.Apply("wh", Bytes("1523.4"));
        var sample = state.ToSample(Charger)!;

        Assert.Equal(ChargePointStatus.Charging, sample.Status);
        Assert.Equal(3, sample.ActivePhases);
        Assert.Equal(10.2, sample.ChargeCurrent.Amperes);
        Assert.Equal(6966, sample.Power.Watts);
        Assert.Equal(1523.4, sample.SessionEnergy.WattHours);
    }

    [Theory]
    [InlineData("1", ChargePointStatus.Disconnected)]
    [InlineData("2", ChargePointStatus.Charging)]
    [InlineData("3", ChargePointStatus.Connected)]
    [InlineData("4", ChargePointStatus.Complete)]
    [InlineData("5", ChargePointStatus.Error)]
    public void Car_state_maps_to_status(string car, ChargePointStatus expected)
    {
        var state = new GoEState();
        state.Apply("car", Bytes(car));
        Assert.Equal(expected, state.ToSample(Charger)!.Status);
    }

    [Fact]
    public void An_error_code_makes_the_charger_faulted()
    {
        var state = new GoEState();
        state.Apply("car", Bytes("2"));
        state.Apply("err", Bytes("13"));
        Assert.Equal(ChargePointStatus.Error, state.ToSample(Charger)!.Status);
        state.Apply("err", Bytes("null"));
        Assert.Equal(ChargePointStatus.Charging, state.ToSample(Charger)!.Status);
    }

    [Fact]
    public void One_phase_draw_is_seen_from_the_currents()
    {
        var state = new GoEState();
        state.Apply("car", Bytes("2"));
        state.Apply("nrg", Bytes("[230,230,230,0,16,0,0,3680,0,0,0,3680]"));
        Assert.Equal(1, state.ToSample(Charger)!.ActivePhases);
    }

    [Theory]
    [InlineData("car", "7", "'car' must be an integer 0–5, got 7")]
    [InlineData("car", "2.5", "'car' must be an integer 0–5")]
    [InlineData("amp", "\"16\"", "'amp' must be a number")]
    [InlineData("nrg", "{}", "'nrg' must be a JSON array")]
    [InlineData("nrg", "[1,\"x\"]", "'nrg[1]' must be a number")]
    [InlineData("frc", "garbage", "not valid JSON")]
    public void Malformed_values_name_the_key(string key, string payload, string reason)
    {
        var error = Assert.Throws<ChargerPayloadException>(() => new GoEState().Apply(key, Bytes(payload)));
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_keys_are_ignored()
    {
        Assert.False(new GoEState().Apply("fwv", Bytes("\"055.5\"")));
    }
}
