namespace GridEdge.Modbus;

/// <summary>
/// Bytes on the wire that are not a valid reply (bad CRC, wrong length, wrong function, garbage).
/// The client resynchronises the connection before its next request.
/// </summary>
public sealed class ModbusFrameException : IOException
{
    public ModbusFrameException()
    {
    }

    public ModbusFrameException(string message)
        : base(message)
    {
    }

    public ModbusFrameException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
