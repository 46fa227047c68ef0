using System.Net;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class TcpClientTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reads_and_writes_every_table_of_several_units_through_our_server()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [1, 2, 3]);
        data.Unit(2).InputRegisters.Set(30, [42]);
        data.Unit(2).Coils.Set(0, [false, false]);
        data.Unit(2).DiscreteInputs.Set(0, [true]);
        await using var server = Start(data);
        using var client = Clients.Tcp(server.Port);

        Assert.Equal([1, 2, 3], await client.ReadHoldingRegistersAsync(1, 0, 3, Token));
        Assert.Equal([42], await client.ReadInputRegistersAsync(2, 30, 1, Token));
        await client.WriteSingleCoilAsync(2, 1, true, Token);
        var bits1 = await client.ReadCoilsAsync(2, 0, 2, Token);
        Assert.Equal([false, true], bits1);
        var bits2 = await client.ReadDiscreteInputsAsync(2, 0, 1, Token);
        Assert.Equal([true], bits2);
        await client.WriteMultipleRegistersAsync(1, 1, [20, 30], Token);
        await client.WriteSingleRegisterAsync(1, 0, 10, Token);
        await client.WriteMultipleCoilsAsync(2, 0, [true, false], Token);
        Assert.Equal([10, 20, 30], await client.ReadWriteMultipleRegistersAsync(1, 0, 3, 2, [30], Token));
        var bits3 = await client.ReadCoilsAsync(2, 0, 2, Token);
        Assert.Equal([true, false], bits3);
    }

    [Fact]
    public async Task Concurrent_callers_are_serialised_on_one_bus_and_each_gets_its_own_reply()
    {
        var data = new ModbusDataMap();
        for (byte unit = 1; unit <= 4; unit++)
        {
            data.Unit(unit).HoldingRegisters.Set(0, [unit, (ushort)(unit * 100)]);
        }

        await using var server = Start(data);
        using var client = Clients.Tcp(server.Port);
        var reads = Enumerable.Range(0, 40).Select(async i =>
        {
            var unit = (byte)(1 + (i % 4));
            return (unit, await client.ReadHoldingRegistersAsync(unit, 0, 2, Token));
        });

        foreach (var (unit, values) in await Task.WhenAll(reads))
        {
            Assert.Equal([unit, (ushort)(unit * 100)], values);
        }
    }

    [Fact]
    public async Task A_reply_with_the_wrong_transaction_id_is_discarded_and_the_right_one_taken()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            var (id, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync(Mbap.Encode((ushort)(id + 100), unit, [0x03, 0x02, 0x00, 0x01]), ct);
            await stream.WriteAsync(Mbap.Encode(id, unit, [0x03, 0x02, 0x00, 0x02]), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = Clients.Tcp(peer.Port);

        Assert.Equal([2], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task A_late_reply_to_a_timed_out_request_is_not_taken_for_the_next_one()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            var (first, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            await Task.Delay(500, ct); // after the client's 300 ms timeout
            await stream.WriteAsync(Mbap.Encode(first, unit, [0x03, 0x02, 0x00, 0x01]), ct);
            var (second, _, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            await stream.WriteAsync(Mbap.Encode(second, unit, [0x03, 0x02, 0x00, 0x02]), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = Clients.Tcp(peer.Port);

        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        await Task.Delay(300, Token);
        Assert.Equal([2], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task Replies_split_into_single_bytes_and_merged_with_the_next_header_are_reassembled()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            var (first, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            foreach (var b in Mbap.Encode(first, unit, [0x03, 0x04, 0x00, 0x01, 0x00, 0x02]))
            {
                await stream.WriteAsync(new[] { b }, ct);
                await stream.FlushAsync(ct);
                await Task.Delay(2, ct);
            }

            var (second, _, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            var reply = Mbap.Encode(second, unit, [0x06, 0x00, 0x05, 0x00, 0x07]);
            var stray = Mbap.Encode(999, unit, [0x06, 0x00, 0x05, 0x00, 0x07]);
            await stream.WriteAsync(stray.Concat(reply).ToArray(), ct);
            await Task.Delay(Timeout.Infinite, ct);
        });
        using var client = Clients.Tcp(peer.Port);

        Assert.Equal([1, 2], await client.ReadHoldingRegistersAsync(1, 0, 2, Token));
        await client.WriteSingleRegisterAsync(1, 5, 7, Token);
    }

    [Fact]
    public async Task Garbage_on_the_wire_is_a_clear_error_and_the_next_request_reconnects()
    {
        await using var peer = new ScriptedPeer(async (connection, stream, ct) =>
        {
            while (true)
            {
                var (id, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
                var reply = connection == 1 ? "garbage!garbage!"u8.ToArray() : Mbap.Encode(id, unit, [0x03, 0x02, 0x12, 0x34]);
                await stream.WriteAsync(reply, ct);
            }
        });
        using var client = Clients.Tcp(peer.Port);

        var error = await Assert.ThrowsAsync<ModbusFrameException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Contains("not an MBAP header", error.Message, StringComparison.Ordinal);
        Assert.Equal([0x1234], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task A_silent_unit_times_out_without_blocking_the_bus_for_other_units()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [5]);
        await using var server = Start(data);
        using var client = Clients.Tcp(server.Port);

        var error = await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(9, 0, 1, Token));
        Assert.Contains("unit 9", error.Message, StringComparison.Ordinal);
        Assert.Equal([5], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task Connect_failures_back_off_exponentially_up_to_the_cap()
    {
        var time = new FakeTimeProvider();
        var options = Clients.Fast with { InitialReconnectDelay = TimeSpan.FromMilliseconds(250), MaxReconnectDelay = TimeSpan.FromSeconds(2) };
        using var client = Clients.Tcp(Peers.FreeTcpPort(), options, time);

        var first = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Contains("could not connect", first.Message, StringComparison.Ordinal);
        var held = await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Contains("next connect attempt in 250 ms", held.Message, StringComparison.Ordinal);

        var delays = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            time.Advance(TimeSpan.FromSeconds(3));
            await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
            delays.Add((await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token))).Message);
        }

        Assert.Contains("in 500 ms", delays[0], StringComparison.Ordinal);
        Assert.Contains("in 1000 ms", delays[1], StringComparison.Ordinal);
        Assert.Contains("in 2000 ms", delays[2], StringComparison.Ordinal);
        Assert.Contains("in 2000 ms", delays[4], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_idle_connection_is_replaced_before_the_next_request()
    {
        await using var peer = new ScriptedPeer(async (_, stream, ct) =>
        {
            while (true)
            {
                var (id, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
                await stream.WriteAsync(Mbap.Encode(id, unit, [0x03, 0x02, 0x00, 0x01]), ct);
            }
        });
        using var client = Clients.Tcp(peer.Port, Clients.Fast with { IdleReconnect = TimeSpan.FromMilliseconds(100) });

        await client.ReadHoldingRegistersAsync(1, 0, 1, Token);
        await client.ReadHoldingRegistersAsync(1, 0, 1, Token);
        await Task.Delay(200, Token);
        await client.ReadHoldingRegistersAsync(1, 0, 1, Token);

        Assert.Equal(2, peer.Connections);
    }

    [Fact]
    public async Task A_server_closing_the_connection_is_recovered_on_the_next_request()
    {
        await using var peer = new ScriptedPeer(async (connection, stream, ct) =>
        {
            var (id, unit, _) = await ScriptedPeer.ReadRequestAsync(stream, ct);
            if (connection > 1)
            {
                await stream.WriteAsync(Mbap.Encode(id, unit, [0x03, 0x02, 0x00, 0x09]), ct);
                await Task.Delay(Timeout.Infinite, ct);
            }
        });
        using var client = Clients.Tcp(peer.Port);

        await Assert.ThrowsAsync<ModbusConnectionException>(() => client.ReadHoldingRegistersAsync(1, 0, 1, Token));
        Assert.Equal([9], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    [Fact]
    public async Task The_inter_request_delay_spaces_requests()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [1]);
        await using var server = Start(data);
        using var client = Clients.Tcp(server.Port, Clients.Fast with { InterRequestDelay = TimeSpan.FromMilliseconds(50) });

        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++)
        {
            await client.ReadHoldingRegistersAsync(1, 0, 1, Token);
        }

        Assert.True(clock.ElapsedMilliseconds >= 200, $"5 requests took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Our_server_drops_a_client_sending_garbage_and_keeps_serving_others()
    {
        var data = new ModbusDataMap();
        data.Unit(1).HoldingRegisters.Set(0, [77]);
        await using var server = Start(data);

        using (var raw = new System.Net.Sockets.TcpClient())
        {
            await raw.ConnectAsync(IPAddress.Loopback, server.Port, Token);
            await raw.GetStream().WriteAsync("GET / HTTP/1.1\r\n\r\n"u8.ToArray(), Token);
            var buffer = new byte[16];
            Assert.Equal(0, await raw.GetStream().ReadAsync(buffer, Token));
        }

        using var client = Clients.Tcp(server.Port);
        Assert.Equal([77], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }

    internal static ModbusTcpServer Start(IModbusDataProvider data)
    {
        var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), data, TimeProvider.System, NullLogger.Instance);
        server.Start();
        return server;
    }
}
