using System.Net;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Devices.Tests;

/// <summary>Our TCP server on 127.0.0.1 and a client to it: the simulated device and the gateway's bus.</summary>
internal sealed class Loopback : IAsyncDisposable
{
    private Loopback(ModbusTcpServer server, ModbusClient client)
    {
        Server = server;
        Client = client;
    }

    public ModbusDataMap Data { get; } = new();

    public ModbusTcpServer Server { get; }

    public ModbusClient Client { get; }

    public string Endpoint => $"tcp://127.0.0.1:{Server.Port}";

    public static Loopback Start(ModbusClientOptions? options = null)
    {
        var data = new ModbusDataMap();
        var server = new ModbusTcpServer(new IPEndPoint(IPAddress.Loopback, 0), data, TimeProvider.System, NullLogger.Instance);
        server.Start();
        var client = ModbusClient.Create(
            ModbusEndpoint.Parse($"tcp://127.0.0.1:{server.Port}"),
            options ?? new ModbusClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) },
            TimeProvider.System,
            NullLogger.Instance);
        return new Loopback(server, client, data);
    }

    private Loopback(ModbusTcpServer server, ModbusClient client, ModbusDataMap data)
        : this(server, client)
    {
        Data = data;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
    }
}
