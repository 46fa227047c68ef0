namespace GridEdge.Modbus;

/// <summary>Puts one request on a stream in a framing (MBAP, RTU) and returns the reply PDU.</summary>
internal interface IModbusFramer
{
    /// <summary>
    /// True when a framing error leaves the stream out of step so that only a new connection
    /// resynchronises it (MBAP); RTU resynchronises on the next silence instead.
    /// </summary>
    bool ResetOnFrameError { get; }

    /// <summary>Sends <paramref name="request"/> and waits until <paramref name="timeout"/> for its reply PDU (empty for a broadcast).</summary>
    Task<byte[]> ExchangeAsync(FrameReceiver receiver, Stream stream, byte unit, ModbusRequest request, TimeSpan timeout, CancellationToken cancellationToken);
}
