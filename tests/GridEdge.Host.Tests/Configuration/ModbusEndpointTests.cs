using GridEdge.Domain.Site;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class ModbusEndpointTests
{
    private const string Endpoint = "      endpoint: tcp://127.0.0.1:5020";

    [Theory]
    [InlineData("tcp://127.0.0.1:502")]
    [InlineData("tcp://meter.local")]
    [InlineData("tcp://[::1]:5020")]
    [InlineData("rtutcp://192.0.2.7:4001")]
    [InlineData("rtu:///dev/ttyUSB0")]
    [InlineData("rtu:///dev/ttyUSB0?baud=9600&parity=N&stop=1&data=8")]
    [InlineData("rtu:///dev/serial/by-id/usb-FTDI-if00?baud=19200&parity=E")]
    public void Valid_endpoints_are_accepted(string endpoint)
    {
        var config = Load(With(Endpoint, "      endpoint: \"" + endpoint + "\""));

        Assert.Equal(endpoint, Assert.IsType<ModbusConnection>(config.Site.Meters[0].Connection).Endpoint);
    }

    [Theory]
    [InlineData("http://127.0.0.1:502", "'http://127.0.0.1:502' is not a Modbus endpoint (expected tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/NAME?baud=9600&parity=N&stop=1&data=8)")]
    [InlineData("tcp://127.0.0.1:70000", "'tcp://127.0.0.1:70000' has an invalid port '70000' (1–65535)")]
    [InlineData("tcp://:502", "'tcp://:502' has no valid host (expected tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/NAME?baud=9600&parity=N&stop=1&data=8)")]
    [InlineData("rtu://ttyUSB0", "'rtu://ttyUSB0' does not name a serial device such as /dev/ttyUSB0 (expected tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/NAME?baud=9600&parity=N&stop=1&data=8)")]
    [InlineData("rtu:///dev/ttyUSB0?parity=X", "parity 'X' is not one of: N, E, O in 'rtu:///dev/ttyUSB0?parity=X'")]
    [InlineData("rtu:///dev/ttyUSB0?stop=3", "stop '3' is not one of: 1, 2 in 'rtu:///dev/ttyUSB0?stop=3'")]
    [InlineData("rtu:///dev/ttyUSB0?data=9", "data '9' is not one of: 7, 8 in 'rtu:///dev/ttyUSB0?data=9'")]
    [InlineData("rtu:///dev/ttyUSB0?baud=fast", "baud 'fast' is not a baud rate (50–4000000) in 'rtu:///dev/ttyUSB0?baud=fast'")]
    [InlineData("rtu:///dev/ttyUSB0?bud=9600", "unknown parameter 'bud' in 'rtu:///dev/ttyUSB0?bud=9600' (did you mean 'baud'?)")]
    [InlineData("rtu:///dev/ttyUSB0?baud=9600&baud=19200", "parameter 'baud' appears twice in 'rtu:///dev/ttyUSB0?baud=9600&baud=19200'")]
    public void Invalid_endpoints_are_reported(string endpoint, string message)
    {
        var error = SingleError(With(Endpoint, "      endpoint: \"" + endpoint + "\""));

        AssertError(error, 15, 17, "meters[0].modbus.endpoint", message);
    }

    [Fact]
    public void A_hex_unit_id_is_accepted()
    {
        var config = Load(With("      unit: 1", "      unit: 0x10"));

        Assert.Equal(16, Assert.IsType<ModbusConnection>(config.Site.Meters[0].Connection).Unit);
    }

    [Fact]
    public void A_profile_name_is_checked_for_syntax_only()
    {
        var error = SingleError(With("      profile: eastron-sdm630", "      profile: Eastron SDM630"));

        AssertError(error, 17, 16, "meters[0].modbus.profile", "'Eastron SDM630' does not match ^[a-z0-9-]+$ (a device profile name such as eastron-sdm630)");
    }
}
