using System.Buffers.Binary;

namespace GridEdge.Telemetry.Spool;

/// <summary>
/// On-disk record: <c>[u32 payload length][u32 CRC-32 of the rest][u64 sequence][i64 spooled-at, Unix ms][payload]</c>,
/// little-endian. The payload is one line-protocol line without its newline. Length and CRC detect
/// a torn tail; the sequence number makes acknowledgement positions independent of file offsets.
/// </summary>
internal static class SpoolRecordFormat
{
    public const int HeaderBytes = 24;

    /// <summary>Larger lengths can only come from garbage; a real line is far smaller.</summary>
    public const int MaxPayloadBytes = 1024 * 1024;

    public static void WriteHeader(Span<byte> record, long sequence, long spooledAtUnixMs, int payloadLength)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)payloadLength);
        BinaryPrimitives.WriteInt64LittleEndian(record[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(record[16..], spooledAtUnixMs);
        BinaryPrimitives.WriteUInt32LittleEndian(record[4..], Crc32.Compute(record[8..(HeaderBytes + payloadLength)]));
    }

    public static int PayloadLength(ReadOnlySpan<byte> header) => (int)Math.Min(BinaryPrimitives.ReadUInt32LittleEndian(header), int.MaxValue);

    public static long Sequence(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[8..]);

    public static long SpooledAt(ReadOnlySpan<byte> header) => BinaryPrimitives.ReadInt64LittleEndian(header[16..]);

    /// <summary>True when the CRC stored in the header matches sequence, time and payload.</summary>
    public static bool IsIntact(ReadOnlySpan<byte> record) =>
        BinaryPrimitives.ReadUInt32LittleEndian(record[4..]) == Crc32.Compute(record[8..]);
}
