namespace GridEdge.Modbus;

/// <summary>
/// RTU framing: address + PDU + CRC-16. RTU has no length field, so the length of a frame is
/// worked out from its function code and byte count as soon as enough bytes have arrived.
/// </summary>
public static class RtuFrame
{
    public static byte[] Encode(byte unit, ReadOnlySpan<byte> pdu)
    {
        var frame = new byte[pdu.Length + 3];
        frame[0] = unit;
        pdu.CopyTo(frame.AsSpan(1));
        var crc = Crc16.Compute(frame.AsSpan(0, pdu.Length + 1));
        frame[^2] = (byte)crc;
        frame[^1] = (byte)(crc >> 8);
        return frame;
    }

    /// <summary>Total length of the reply frame that starts <paramref name="head"/>, or null while too few bytes are known.</summary>
    public static int? ReplyLength(ReadOnlySpan<byte> head, FunctionCode requested)
    {
        if (head.Length < 2)
        {
            return null;
        }

        if (head[1] == ((byte)requested | 0x80))
        {
            return 5;
        }

        return requested switch
        {
            FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs or FunctionCode.ReadHoldingRegisters
                or FunctionCode.ReadInputRegisters or FunctionCode.ReadWriteMultipleRegisters => head.Length < 3 ? null : 5 + head[2],
            _ => 8,
        };
    }

    /// <summary>
    /// Total length of the request frame that starts <paramref name="head"/>; null while too few
    /// bytes are known; -1 for a function code whose length cannot be known (the frame then ends at silence).
    /// </summary>
    public static int? RequestLength(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2)
        {
            return null;
        }

        return (FunctionCode)head[1] switch
        {
            FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs or FunctionCode.ReadHoldingRegisters or FunctionCode.ReadInputRegisters
                or FunctionCode.WriteSingleCoil or FunctionCode.WriteSingleRegister => 8,
            FunctionCode.WriteMultipleCoils or FunctionCode.WriteMultipleRegisters => head.Length < 7 ? null : 9 + head[6],
            FunctionCode.ReadWriteMultipleRegisters => head.Length < 11 ? null : 13 + head[10],
            _ => -1,
        };
    }
}
