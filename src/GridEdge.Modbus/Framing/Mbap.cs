namespace GridEdge.Modbus;

/// <summary>
/// MBAP framing (Modbus TCP): transaction id, protocol id 0, length (unit id + PDU), unit id.
/// Parsing works on whatever has arrived so far, so split and merged TCP reads both work.
/// </summary>
public static class Mbap
{
    public static byte[] Encode(ushort transactionId, byte unit, ReadOnlySpan<byte> pdu)
    {
        var frame = new byte[ModbusLimits.MbapHeaderLength + pdu.Length];
        frame[0] = (byte)(transactionId >> 8);
        frame[1] = (byte)transactionId;
        frame[4] = (byte)((pdu.Length + 1) >> 8);
        frame[5] = (byte)(pdu.Length + 1);
        frame[6] = unit;
        pdu.CopyTo(frame.AsSpan(ModbusLimits.MbapHeaderLength));
        return frame;
    }

    /// <summary>
    /// Parses the first frame in <paramref name="buffer"/>. NeedMore while it is incomplete;
    /// Invalid when the header cannot be Modbus (the stream is out of step and must be reset).
    /// </summary>
    public static FrameStatus TryParse(ReadOnlySpan<byte> buffer, out MbapFrame frame, out int consumed)
    {
        frame = default;
        consumed = 0;
        if (buffer.Length < ModbusLimits.MbapHeaderLength)
        {
            return FrameStatus.NeedMore;
        }

        var protocol = (buffer[2] << 8) | buffer[3];
        var length = (buffer[4] << 8) | buffer[5];
        if (protocol != 0 || length < 2 || length > ModbusLimits.MaxPduLength + 1)
        {
            return FrameStatus.Invalid;
        }

        var total = 6 + length;
        if (buffer.Length < total)
        {
            return FrameStatus.NeedMore;
        }

        frame = new MbapFrame((ushort)((buffer[0] << 8) | buffer[1]), buffer[6], buffer[ModbusLimits.MbapHeaderLength..total].ToArray());
        consumed = total;
        return FrameStatus.Complete;
    }
}
