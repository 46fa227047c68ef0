namespace GridEdge.Modbus;

/// <summary>Reads big-endian fields from a PDU; the caller checks lengths first.</summary>
internal static class PduReader
{
    public static ushort Word(ReadOnlySpan<byte> pdu, int offset) => (ushort)((pdu[offset] << 8) | pdu[offset + 1]);

    public static ushort[] Words(ReadOnlySpan<byte> pdu, int offset, int count)
    {
        var values = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Word(pdu, offset + (2 * i));
        }

        return values;
    }

    public static bool[] Bits(ReadOnlySpan<byte> pdu, int offset, int count)
    {
        var bits = new bool[count];
        for (var i = 0; i < count; i++)
        {
            bits[i] = (pdu[offset + (i / 8)] & (1 << (i % 8))) != 0;
        }

        return bits;
    }
}
