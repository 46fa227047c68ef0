using System.Globalization;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>
/// The battery driver against pymodbus holding the gridedge-battery map; mbpoll (libmodbus), a
/// third implementation, reads back what the driver wrote.
/// </summary>
public sealed class BatteryAgainstPymodbusTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_what_pymodbus_holds_and_writes_a_setpoint_that_mbpoll_reads_back()
    {
        var mbpoll = Peers.Require("mbpoll", "mbpoll");
        var profile = DeviceProfiles.Load(Path.Combine(RepoPaths.FirmwareConfigDir, "devices")).Get("gridedge-battery");
        var tables = new PeerTables()
            .Holding(1, 0, 734, 0xFFFF, 0xFA24, 0, 5000, 0, 5000) // 73.4 %, −1500 W, 5 kW limits
            .Holding(1, 10, 0, 0);
        await using var peer = await PymodbusPeer.StartTcpAsync(tables, Token);
        using var client = ModbusClient.Create(
            ModbusEndpoint.Parse($"tcp://127.0.0.1:{peer.Port}"), new ModbusClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(500) }, TimeProvider.System, NullLogger.Instance);
        var battery = new ModbusBattery("battery", 1, profile, client, TimeProvider.System, NullLogger.Instance);

        var reading = await battery.ReadAsync(Token);
        await battery.SetPowerAsync(new Power(-2500), Token);

        Assert.Equal(-1500, reading.Value.Power.Watts);
        Assert.Equal(0.734, reading.Value.StateOfCharge, 1e-9);
        string[] poll = ["-m", "tcp", "-p", peer.Port.ToString(CultureInfo.InvariantCulture), "-1", "-o", "1", "-a", "1", "-0", "-r", "10"];
        var words = await Mbpoll.RunAsync(mbpoll, [.. poll, "-c", "2", "-t", "4:hex", "127.0.0.1"], expectSuccess: true, Token);
        Assert.Contains("[10]: \t0xFFFF", words, StringComparison.Ordinal);
        Assert.Contains("[11]: \t0xF63C", words, StringComparison.Ordinal); // −2500 as int32, high word first
        var value = await Mbpoll.RunAsync(mbpoll, [.. poll, "-c", "1", "-t", "4:int", "-B", "127.0.0.1"], expectSuccess: true, Token);
        Assert.Equal([-2500.0], Mbpoll.Values(value));
    }
}
