using GridEdge.Modbus;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// One client per endpoint, shared by every device on it, so that requests to several unit ids
/// on one line or gateway are serialised by the same client.
/// </summary>
public sealed class ModbusBuses(ModbusClientOptions options, TimeProvider time, ILoggerFactory loggers) : IDisposable
{
    private readonly Dictionary<string, ModbusClient> _clients = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>The client of <paramref name="endpoint"/> (a CLI.md endpoint URI), created on first use.</summary>
    public ModbusClient Get(string endpoint)
    {
        var parsed = ModbusEndpoint.Parse(endpoint);
        var key = parsed.ToString();
        lock (_lock)
        {
            if (!_clients.TryGetValue(key, out var client))
            {
                _clients[key] = client = ModbusClient.Create(parsed, options, time, loggers.CreateLogger("GridEdge.Modbus." + key));
            }

            return client;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            _clients.Clear();
        }
    }
}
