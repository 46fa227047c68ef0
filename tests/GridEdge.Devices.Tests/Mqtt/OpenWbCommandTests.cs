using System.Text.Json;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class OpenWbCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly Current Step = new(0.5);

    [Theory]
    [InlineData(16, "16")]
    [InlineData(10.7, "10.5")]
    [InlineData(6, "6")]
    [InlineData(0, "0")]
    public void Current_is_rounded_down_to_the_step_in_invariant_amperes(double amperes, string expected)
    {
        var setpoint = Setpoint.ForCurrent("cp", new Current(amperes), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(30));
        Assert.Equal(expected, OpenWbCommand.SetCurrent(setpoint, Step));
    }

    [Fact]
    public void A_power_setpoint_is_sent_as_its_per_phase_current()
    {
        var setpoint = Setpoint.ForPower("cp", new Power(6900), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(30));
        Assert.Equal("10", OpenWbCommand.SetCurrent(setpoint, Step));
        Assert.Equal(10, OpenWbCommand.Amperes(setpoint, Step));
    }

    [Fact]
    public void Heartbeat_carries_unix_seconds_and_no_parent_address()
    {
        using var json = JsonDocument.Parse(OpenWbCommand.Heartbeat(T0));
        Assert.Equal(T0.ToUnixTimeSeconds(), json.RootElement.GetProperty("heartbeat").GetInt64());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("parent_ip").ValueKind);
        Assert.True(OpenWbCommand.HeartbeatTimeout > TimeSpan.FromSeconds(60));
    }

    [Fact]
    public void Phases_are_one_or_three()
    {
        Assert.Equal("1", OpenWbCommand.Phases(1));
        Assert.Equal("3", OpenWbCommand.Phases(3));
        Assert.Throws<ArgumentOutOfRangeException>(() => OpenWbCommand.Phases(2));
    }
}
