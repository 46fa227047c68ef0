using System.Net;
using GridEdge.Modbus;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>Our server against mbpoll (libmodbus), over TCP and over RTU on a socat pty pair.</summary>
public sealed class ServerAgainstMbpollTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tcp_reads_writes_and_exceptions()
    {
        var mbpoll = Peers.Require("mbpoll", "mbpoll");
        var data = Data();
        await using var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), data, TimeProvider.System, NullLogger.Instance);
        server.Start();
        string[] tcp = ["-m", "tcp", "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)];

        await ExerciseAsync(mbpoll, tcp, "127.0.0.1", data);
    }

    [Fact]
    public async Task Rtu_reads_writes_and_exceptions()
    {
        var mbpoll = Peers.Require("mbpoll", "mbpoll");
        await using var pty = await PtyPair.StartAsync(Token);
        var data = Data();
        using var link = await new SerialConnector(new SerialSettings(pty.A, 9600)).ConnectAsync(Token);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var server = new ModbusRtuServer(link.Stream, data, ModbusRtuServer.DefaultResyncSilence(9600), TimeProvider.System, NullLogger.Instance);
        var running = server.RunAsync(stop.Token);
        string[] rtu = ["-m", "rtu", "-b", "9600", "-P", "none"];

        try
        {
            await ExerciseAsync(mbpoll, rtu, pty.B, data);
        }
        finally
        {
            await stop.CancelAsync();
            link.Dispose();
            await running.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        }
    }

    private static ModbusDataMap Data()
    {
        var data = new ModbusDataMap();
        var unit = data.Unit(1);
        unit.HoldingRegisters.Set(0, [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
        var power = new ushort[2];
        RegisterCodec.Encode(1234.5, RegisterType.Float32, WordOrder.ABCD, power);
        unit.InputRegisters.Set(0x34, power);
        unit.Coils.Set(0, [true, false, true, true]);
        data.Unit(2).HoldingRegisters.Set(0, [42]);
        return data;
    }

    private static async Task ExerciseAsync(string mbpoll, string[] mode, string target, ModbusDataMap data)
    {
        // mbpoll's -r is a 1-based reference by default: -r 1 is wire address 0.
        var holding = await RunAsync(mbpoll, mode, target, ["-a", "1", "-r", "1", "-c", "10", "-t", "4"]);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => i * 100.0), Values(holding));

        var power = await RunAsync(mbpoll, mode, target, ["-a", "1", "-0", "-r", "52", "-c", "1", "-t", "3:float", "-B"]);
        Assert.Equal([1234.5], Values(power).Select(v => (double)v));

        var coils = await RunAsync(mbpoll, mode, target, ["-a", "1", "-0", "-r", "0", "-c", "4", "-t", "0"]);
        Assert.Equal([1, 0, 1, 1], Values(coils));

        await RunAsync(mbpoll, mode, target, ["-a", "1", "-0", "-r", "3", "-t", "4", target, "4321", "65531"], withTarget: false);
        Assert.Equal((ushort)4321, data.Find(1)!.HoldingRegisters.Get(3));
        Assert.Equal((ushort)65531, data.Find(1)!.HoldingRegisters.Get(4));

        var second = await RunAsync(mbpoll, mode, target, ["-a", "2", "-r", "1", "-t", "4"]);
        Assert.Equal([42], Values(second));

        var refused = await RunAsync(mbpoll, mode, target, ["-a", "1", "-0", "-r", "500", "-c", "2", "-t", "4"], expectSuccess: false);
        Assert.Contains("Illegal data address", refused, StringComparison.OrdinalIgnoreCase);
    }

    private static Task<string> RunAsync(string mbpoll, string[] mode, string target, string[] arguments, bool expectSuccess = true, bool withTarget = true) =>
        Mbpoll.RunAsync(mbpoll, [.. mode, "-1", "-o", "1", .. arguments, .. withTarget ? new[] { target } : []], expectSuccess, Token);

    private static double[] Values(string output) => Mbpoll.Values(output);
}
