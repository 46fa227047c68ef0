using System.Text.Json;
using GridEdge.Devices.Mqtt;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class MqttBasicsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("a/b/c", "a/b/c", true)]
    [InlineData("a/+/c", "a/b/c", true)]
    [InlineData("a/#", "a/b/c", true)]
    [InlineData("a/+", "a/b/c", false)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("go-eCharger/123/+", "go-eCharger/123/car", true)]
    [InlineData("go-eCharger/123/+", "go-eCharger/1234/car", false)]
    public void Topic_filters_match_like_a_broker(string filter, string topic, bool expected)
    {
        Assert.Equal(expected, TopicFilter.Matches(filter, topic));
    }

    [Fact]
    public void Current_command_carries_phases_and_remaining_validity()
    {
        var setpoint = Setpoint.ForCurrent("cp", new Current(10.25), 3, Voltage.Europe, T0, TimeSpan.FromSeconds(10));
        using var json = JsonDocument.Parse(GenericChargerCommand.Encode(setpoint, T0.AddSeconds(2)));

        Assert.Equal(10.25, json.RootElement.GetProperty("current_a").GetDouble());
        Assert.Equal(3, json.RootElement.GetProperty("phases").GetInt32());
        Assert.Equal(8, json.RootElement.GetProperty("expires_s").GetInt32());
        Assert.False(json.RootElement.TryGetProperty("power_w", out _));
    }

    [Fact]
    public void Discharge_command_is_a_negative_power()
    {
        var setpoint = Setpoint.ForPower("v2h", new Power(-3500), 1, Voltage.Japan, T0, TimeSpan.FromSeconds(10));
        using var json = JsonDocument.Parse(GenericChargerCommand.Encode(setpoint, T0));

        Assert.Equal(-3500, json.RootElement.GetProperty("power_w").GetDouble());
        Assert.False(json.RootElement.TryGetProperty("current_a", out _));
    }

    [Fact]
    public void Credentials_come_from_the_environment_or_a_file_and_never_print()
    {
        var environment = new Dictionary<string, string> { [MqttCredentials.UsernameVariable] = "gw", [MqttCredentials.PasswordVariable] = "s3cret" };
        var fromEnvironment = MqttCredentials.Resolve(null, k => environment.GetValueOrDefault(k));
        Assert.Equal(new MqttCredentials("gw", "s3cret"), fromEnvironment);
        Assert.DoesNotContain("s3cret", fromEnvironment!.ToString(), StringComparison.Ordinal);
        Assert.Null(MqttCredentials.Resolve(null, _ => null));

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "# gateway account\nusername = site7\npassword = p=ss\n");
            Assert.Equal(new MqttCredentials("site7", "p=ss"), MqttCredentials.Resolve(file, _ => null));
            File.WriteAllText(file, "user=site7\n");
            var error = Assert.Throws<FormatException>(() => MqttCredentials.Resolve(file, _ => null));
            Assert.Contains(":1: unknown key 'user'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
