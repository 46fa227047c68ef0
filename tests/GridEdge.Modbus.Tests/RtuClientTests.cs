using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Modbus.Tests;

/// <summary>RTU framing end to end over TCP (rtutcp://, as through a serial gateway): our client against our RTU server.</summary>
public sealed class RtuClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_writes_and_exceptions_through_rtu_frames()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [1, 2, 3]);
        data.Unit(7).InputRegisters.Set(10, [0x4142]);
        data.Unit(7).Coils.Set(0, new bool[20]);
        await using var peer = RtuPeer(data);
        using var client = Clients.RtuOverTcp(peer.Port);

        Assert.Equal([1, 2, 3], await client.ReadHoldingRegistersAsync(1, 0, 3, Token));
        Assert.Equal([0x4142], await client.ReadInputRegistersAsync(7, 10, 1, Token));
        await client.WriteMultipleCoilsAsync(7, 3, [true, true, false, true], Token);
        var bits1 = await client.ReadCoilsAsync(7, 0, 9, Token);
        Assert.Equal([false, false, false, true, true, false, true, false, false], bits1);
        await client.WriteMultipleRegistersAsync(1, 0, [9, 8], Token);
        Assert.Equal([9, 8, 3], await client.ReadWriteMultipleRegistersAsync(1, 0, 3, 2, [3], Token));

        var error = await Assert.ThrowsAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(1, 100, 1, Token));
        Assert.Equal(ExceptionCode.IllegalDataAddress, error.Code);
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(2, 0, 1, Token));
        Assert.Equal([9], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task A_broadcast_write_reaches_every_unit_and_waits_for_no_reply()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [0]);
        data.Unit(2).HoldingRegisters.Set(0, [0]);
        await using var peer = RtuPeer(data);
        using var client = Clients.RtuOverTcp(peer.Port);

        await client.WriteSingleRegisterAsync(0, 0, 55, Token);

        Assert.Equal([55], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Equal([55], await client.ReadHoldingRegistersAsync(2, 0, 1, Token));
    }

    [Fact]
    public async Task A_corrupted_crc_is_a_frame_error_and_the_line_recovers()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            var request = new byte[8];
            await stream.ReadExactlyAsync(request, ct);
            var bad = RtuFrame.Encode(1, [0x03, 0x02, 0x00, 0x01]);
            bad[^1] ^= 0xFF;
            await stream.WriteAsync(bad, ct);
            await stream.ReadExactlyAsync(request, ct);
            await stream.WriteAsync(RtuFrame.Encode(1, [0x03, 0x02, 0x00, 0x02]), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = Clients.RtuOverTcp(peer.Port);

        var error = await Assert.ThrowsAsync<ModbusFrameException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Contains("CRC", error.Message, StringComparison.Ordinal);
        Assert.Equal([2], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task A_late_reply_is_drained_in_the_silence_before_the_next_request()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            var request = new byte[8];
            await stream.ReadExactlyAsync(request, ct);
            await Task.Delay(400, ct);
            await stream.WriteAsync(RtuFrame.Encode(1, [0x03, 0x02, 0x00, 0x01]), ct);
            await stream.ReadExactlyAsync(request, ct);
            await stream.WriteAsync(RtuFrame.Encode(1, [0x03, 0x02, 0x00, 0x02]), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = Clients.RtuOverTcp(peer.Port);

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        await Task.Delay(200, Token);
        Assert.Equal([2], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task The_rtu_server_ignores_bad_crc_and_other_units_and_answers_unknown_functions_after_silence()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [1]);
        await using var peer = RtuPeer(data);
        using var raw = new System.Net.Sockets.TcpClient();
        await raw.ConnectAsync(System.Net.IPAddress.Loopback, peer.Port, Token);
        var stream = raw.GetStream();

        var corrupted = RtuFrame.Encode(1, ModbusRequest.ReadHoldingRegisters(0, 1).Encode());
        corrupted[2] ^= 0x40;
        await stream.WriteAsync(corrupted, Token);
        await stream.WriteAsync(RtuFrame.Encode(5, ModbusRequest.ReadHoldingRegisters(0, 1).Encode()), Token);
        await Task.Delay(100, Token);
        await stream.WriteAsync(RtuFrame.Encode(1, [0x41, 0x00]), Token);

        var reply = new byte[5];
        await stream.ReadExactlyAsync(reply, Token);
        Assert.Equal(Convert.ToHexString(RtuFrame.Encode(1, [0xC1, 0x01])), Convert.ToHexString(reply));
    }

    /// <summary>A TCP peer that runs our RTU server on each accepted connection.</summary>
    internal static ScriptedPeer RtuPeer(IModbusDataProvider data) => new(async (_, stream, ct) =>
    {
        var server = new ModbusRtuServer(stream, data, TimeSpan.FromMilliseconds(20), TimeProvider.System, NullLogger.Instance);
        await server.RunAsync(ct);
    });
}
