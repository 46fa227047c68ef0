using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Modbus.Tests;

/// <summary>Clients on loopback for tests, with short timeouts so failures are quick.</summary>
internal static class Clients
{
    public static ModbusClientOptions Fast { get; } = new() { RequestTimeout = TimeSpan.FromMilliseconds(300), ConnectTimeout = TimeSpan.FromSeconds(2) };

    public static ModbusClient Tcp(int port, ModbusClientOptions? options = null, TimeProvider? time = null) =>
        ModbusClient.Create(ModbusEndpoint.Parse($"tcp://127.0.0.1:{port}"), options ?? Fast, time ?? TimeProvider.System, NullLogger.Instance);

    public static ModbusClient RtuOverTcp(int port, ModbusClientOptions? options = null) =>
        ModbusClient.Create(ModbusEndpoint.Parse($"rtutcp://127.0.0.1:{port}"), options ?? Fast, TimeProvider.System, NullLogger.Instance);
}
