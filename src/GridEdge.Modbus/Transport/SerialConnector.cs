using System.IO.Ports;

namespace GridEdge.Modbus;

/// <summary>
/// Opens a serial port through System.IO.Ports. RS-485 direction switching is left to the
/// adapter (auto-direction transceivers): the client never sends while a reply may still come.
/// </summary>
public sealed class SerialConnector(SerialSettings settings) : IModbusConnector
{
    public string Target => settings.Device;

    public ValueTask<ModbusLink> ConnectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var port = new SerialPort(settings.Device, settings.Baud, settings.Parity, settings.DataBits, settings.StopBits)
        {
            Handshake = Handshake.None,
        };
        try
        {
            port.Open();
            port.DiscardInBuffer();
            return ValueTask.FromResult(new ModbusLink(port.BaseStream, port));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new ModbusConnectionException($"could not open {settings.Device}: {ex.Message}", ex);
        }
    }
}
