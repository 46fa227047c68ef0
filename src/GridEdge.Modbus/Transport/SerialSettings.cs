using System.IO.Ports;

namespace GridEdge.Modbus;

/// <summary>A serial line: device, baud rate and character format (defaults 9600 8N1 as CLI.md).</summary>
public sealed record SerialSettings(string Device, int Baud = 9600, Parity Parity = Parity.None, StopBits StopBits = StopBits.One, int DataBits = 8);
