using GridEdge.Modbus;

namespace GridEdge.Devices.Tests;

/// <summary>Passes requests on and records them, to count round trips.</summary>
internal sealed class RecordingClient(IModbusClient inner) : IModbusClient
{
    private readonly List<ModbusRequest> _requests = [];

    public string Target => inner.Target;

    public IReadOnlyList<ModbusRequest> Requests => _requests;

    public Task<byte[]> SendAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken)
    {
        _requests.Add(request);
        return inner.SendAsync(unit, request, cancellationToken);
    }

    public void Clear() => _requests.Clear();
}
