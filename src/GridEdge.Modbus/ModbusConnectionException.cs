namespace GridEdge.Modbus;

/// <summary>The bus could not be opened (TCP connect refused or timed out, serial port missing) or was lost.</summary>
public sealed class ModbusConnectionException : IOException
{
    public ModbusConnectionException()
    {
    }

    public ModbusConnectionException(string message)
        : base(message)
    {
    }

    public ModbusConnectionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
