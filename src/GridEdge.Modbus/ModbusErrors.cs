namespace GridEdge.Modbus;

/// <summary>Classifies the exceptions of the stack.</summary>
public static class ModbusErrors
{
    public static ModbusErrorKind Classify(Exception exception) => exception switch
    {
        ModbusException => ModbusErrorKind.DeviceException,
        ModbusTimeoutException => ModbusErrorKind.Timeout,
        ModbusFrameException => ModbusErrorKind.Frame,
        ModbusConnectionException => ModbusErrorKind.Connection,
        _ => ModbusErrorKind.Other,
    };
}
