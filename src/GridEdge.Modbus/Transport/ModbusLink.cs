namespace GridEdge.Modbus;

/// <summary>An open byte stream to a bus, and whatever owns it (socket, serial port).</summary>
public sealed class ModbusLink(Stream stream, IDisposable? owner = null) : IDisposable
{
    public Stream Stream => stream;

    public void Dispose()
    {
        stream.Dispose();
        owner?.Dispose();
    }
}
