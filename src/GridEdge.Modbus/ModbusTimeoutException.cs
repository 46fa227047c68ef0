namespace GridEdge.Modbus;

/// <summary>No (valid) reply within the request timeout: the device or the gateway path is silent.</summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    public ModbusTimeoutException()
    {
    }

    public ModbusTimeoutException(string message)
        : base(message)
    {
    }

    public ModbusTimeoutException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
