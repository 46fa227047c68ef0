namespace GridEdge.Modbus;

/// <summary>One bus: requests to any unit on it, strictly one at a time.</summary>
public interface IModbusClient
{
    /// <summary>The endpoint, for messages.</summary>
    string Target { get; }

    /// <summary>
    /// Sends <paramref name="request"/> to <paramref name="unit"/> and returns the checked reply PDU.
    /// Throws <see cref="ModbusException"/>, <see cref="ModbusTimeoutException"/>,
    /// <see cref="ModbusFrameException"/> or <see cref="ModbusConnectionException"/>.
    /// </summary>
    Task<byte[]> SendAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken);
}
