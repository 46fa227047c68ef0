using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>Our client against pymodbus (an independent implementation), over TCP and over RTU on a socat pty pair.</summary>
public sealed class ClientAgainstPymodbusTests
{
    private static readonly ModbusClientOptions Options = new() { RequestTimeout = TimeSpan.FromMilliseconds(500) };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static PeerTables Tables => new PeerTables()
        .Holding(1, 0, 10, 20, 30, 40)
        .Holding(1, 40000, 0x5375, 0x6E53)
        .Input(1, 0x34, 0xC5B3, 0x8000) // float32 -5744.0 ABCD
        .Coils(1, 0, true, false, true)
        .Discrete(1, 10, false, true)
        .Holding(2, 100, 7);

    [Fact]
    public async Task Tcp_every_function_code_and_exceptions()
    {
        await using var peer = await PymodbusPeer.StartTcpAsync(Tables, Token);
        using var client = ModbusClient.Create(ModbusEndpoint.Parse($"tcp://127.0.0.1:{peer.Port}"), Options, TimeProvider.System, NullLogger.Instance);
        await ExerciseAsync(client);
    }

    [Fact]
    public async Task Rtu_over_a_pty_every_function_code_and_exceptions()
    {
        await using var pty = await PtyPair.StartAsync(Token);
        await using var peer = await PymodbusPeer.StartRtuAsync(pty.B, Tables, Token);
        using var client = ModbusClient.Create(ModbusEndpoint.Parse($"rtu://{pty.A}?baud=19200&parity=N"), Options, TimeProvider.System, NullLogger.Instance);
        await ExerciseAsync(client);
    }

    private static async Task ExerciseAsync(ModbusClient client)
    {
        Assert.Equal([10, 20, 30, 40], await client.ReadHoldingRegistersAsync(1, 0, 4, Token));
        Assert.Equal([0x5375, 0x6E53], await client.ReadHoldingRegistersAsync(1, 40000, 2, Token));
        var power = await client.ReadInputRegistersAsync(1, 0x34, 2, Token);
        Assert.Equal(-5744.0, RegisterCodec.Decode(power, RegisterType.Float32, WordOrder.ABCD));
        var coils = await client.ReadCoilsAsync(1, 0, 3, Token);
        Assert.Equal([true, false, true], coils);
        var inputs = await client.ReadDiscreteInputsAsync(1, 10, 2, Token);
        Assert.Equal([false, true], inputs);

        await client.WriteSingleRegisterAsync(1, 1, 21, Token);
        await client.WriteMultipleRegistersAsync(1, 2, [31, 41], Token);
        Assert.Equal([10, 21, 31, 41], await client.ReadHoldingRegistersAsync(1, 0, 4, Token));
        await client.WriteSingleCoilAsync(1, 1, true, Token);
        await client.WriteMultipleCoilsAsync(1, 0, [false, true, false], Token);
        var written = await client.ReadCoilsAsync(1, 0, 3, Token);
        Assert.Equal([false, true, false], written);
        Assert.Equal([99, 21], await client.ReadWriteMultipleRegistersAsync(1, 0, 2, 0, [99], Token));

        var error = await Assert.ThrowsAsync<ModbusException>(() => client.ReadHoldingRegistersAsync(1, 500, 2, Token));
        Assert.Equal(ExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal([7], await client.ReadHoldingRegistersAsync(2, 100, 1, Token));
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadHoldingRegistersAsync(9, 0, 1, Token));
        Assert.Equal([99], await client.ReadHoldingRegistersAsync(1, 0, 1, Token));
    }
}
