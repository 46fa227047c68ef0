namespace GridEdge.Modbus;

/// <summary>Appends big-endian fields to a PDU, bounded by the 253-byte PDU limit.</summary>
internal sealed class PduWriter
{
    private readonly byte[] _buffer = new byte[ModbusLimits.MaxPduLength];
    private int _length;

    public PduWriter(FunctionCode function)
        : this((byte)function)
    {
    }

    public PduWriter(byte function)
    {
        Byte(function);
    }

    public PduWriter Byte(byte value)
    {
        _buffer[_length++] = value;
        return this;
    }

    public PduWriter Word(ushort value)
    {
        _buffer[_length++] = (byte)(value >> 8);
        _buffer[_length++] = (byte)value;
        return this;
    }

    public PduWriter Words(IReadOnlyList<ushort> values)
    {
        foreach (var value in values)
        {
            Word(value);
        }

        return this;
    }

    /// <summary>Byte count then the bits packed LSB first, as FC01/02 replies and FC15 requests carry them.</summary>
    public PduWriter Bits(IReadOnlyList<bool> bits)
    {
        var count = ModbusRequest.BitBytes(bits.Count);
        Byte((byte)count);
        for (var i = 0; i < bits.Count; i++)
        {
            if (bits[i])
            {
                _buffer[_length + (i / 8)] |= (byte)(1 << (i % 8));
            }
        }

        _length += count;
        return this;
    }

    public byte[] ToArray() => _buffer.AsSpan(0, _length).ToArray();
}
