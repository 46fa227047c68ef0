using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Devices.Tests.Mqtt;

public sealed class EverestCommandTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Ttl = TimeSpan.FromSeconds(30);
    private static readonly Current Step = new(0.1);

    [Fact]
    public void Current_setpoint_is_an_amps_limit_rounded_down_to_the_step()
    {
        var setpoint = Setpoint.ForCurrent("cp", new Current(10.27), 3, Voltage.Europe, T0, Ttl);
        Assert.Equal([("set_limit_amps", "10.2")], EverestCommand.Encode(setpoint, Step, resume: false));
        Assert.Equal(10.2, EverestCommand.Amperes(setpoint, Step), 9);
    }

    [Fact]
    public void Discharge_is_a_negative_watts_limit()
    {
        var setpoint = Setpoint.ForPower("v2h", new Power(-3500), 1, Voltage.Japan, T0, Ttl);
        Assert.Equal([("set_limit_watts", "-3500")], EverestCommand.Encode(setpoint, Step, resume: false));
    }

    [Fact]
    public void Stop_is_a_zero_limit_and_a_pause()
    {
        var stop = Setpoint.ForCurrent("cp", Current.Zero, 3, Voltage.Europe, T0, Ttl);
        Assert.Equal([("set_limit_amps", "0"), ("pause_charging", EverestCommand.Trigger)], EverestCommand.Encode(stop, Step, resume: true));
        Assert.Equal(0, EverestCommand.Amperes(stop, Step));
    }

    [Fact]
    public void After_a_pause_the_limit_is_followed_by_a_resume()
    {
        var setpoint = Setpoint.ForPower("cp", new Power(4140.26), 3, Voltage.Europe, T0, Ttl);
        Assert.Equal([("set_limit_watts", "4140.3"), ("resume_charging", EverestCommand.Trigger)], EverestCommand.Encode(setpoint, Step, resume: true));
    }
}
