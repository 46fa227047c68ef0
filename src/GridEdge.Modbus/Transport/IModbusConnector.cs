namespace GridEdge.Modbus;

/// <summary>Opens the byte stream of a bus (TCP socket, serial port).</summary>
public interface IModbusConnector
{
    /// <summary>Where it connects to, for messages: `127.0.0.1:502`, `/dev/ttyUSB0`.</summary>
    string Target { get; }

    ValueTask<ModbusLink> ConnectAsync(CancellationToken cancellationToken);
}
