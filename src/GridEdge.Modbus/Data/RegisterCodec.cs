using System.Buffers.Binary;

namespace GridEdge.Modbus;

/// <summary>Numbers to and from registers in any <see cref="RegisterType"/> and <see cref="WordOrder"/>.</summary>
public static class RegisterCodec
{
    /// <summary>Registers one value of <paramref name="type"/> occupies.</summary>
    public static int Width(RegisterType type) => type switch
    {
        RegisterType.Int16 or RegisterType.UInt16 => 1,
        RegisterType.Int32 or RegisterType.UInt32 or RegisterType.Float32 or RegisterType.Acc32 => 2,
        _ => 4,
    };

    public static double Decode(ReadOnlySpan<ushort> registers, RegisterType type, WordOrder order)
    {
        Span<byte> bytes = stackalloc byte[8];
        var width = Width(type);
        ToBigEndian(registers[..width], order, bytes);
        return type switch
        {
            RegisterType.Int16 => BinaryPrimitives.ReadInt16BigEndian(bytes),
            RegisterType.UInt16 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            RegisterType.Int32 => BinaryPrimitives.ReadInt32BigEndian(bytes),
            RegisterType.UInt32 or RegisterType.Acc32 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            RegisterType.Float32 => BinaryPrimitives.ReadSingleBigEndian(bytes),
            RegisterType.Int64 => BinaryPrimitives.ReadInt64BigEndian(bytes),
            RegisterType.UInt64 or RegisterType.Acc64 => BinaryPrimitives.ReadUInt64BigEndian(bytes),
            _ => BinaryPrimitives.ReadDoubleBigEndian(bytes),
        };
    }

    /// <summary>The raw bits as an unsigned number, for comparing with "not implemented" sentinels.</summary>
    public static ulong Raw(ReadOnlySpan<ushort> registers, RegisterType type, WordOrder order)
    {
        Span<byte> bytes = stackalloc byte[8];
        var width = Width(type);
        ToBigEndian(registers[..width], order, bytes);
        return width switch
        {
            1 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
            2 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
            _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
        };
    }

    /// <summary>Writes <paramref name="value"/> (rounded and clamped for integer types) into <paramref name="registers"/>.</summary>
    public static void Encode(double value, RegisterType type, WordOrder order, Span<ushort> registers)
    {
        Span<byte> bytes = stackalloc byte[8];
        switch (type)
        {
            case RegisterType.Int16:
                BinaryPrimitives.WriteInt16BigEndian(bytes, (short)Clamp(value, short.MinValue, short.MaxValue));
                break;
            case RegisterType.UInt16:
                BinaryPrimitives.WriteUInt16BigEndian(bytes, (ushort)Clamp(value, 0, ushort.MaxValue));
                break;
            case RegisterType.Int32:
                BinaryPrimitives.WriteInt32BigEndian(bytes, (int)Clamp(value, int.MinValue, int.MaxValue));
                break;
            case RegisterType.UInt32 or RegisterType.Acc32:
                BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Clamp(value, 0, uint.MaxValue));
                break;
            case RegisterType.Float32:
                BinaryPrimitives.WriteSingleBigEndian(bytes, (float)value);
                break;
            case RegisterType.Int64:
                BinaryPrimitives.WriteInt64BigEndian(bytes, (long)Clamp(value, long.MinValue, long.MaxValue));
                break;
            case RegisterType.UInt64 or RegisterType.Acc64:
                BinaryPrimitives.WriteUInt64BigEndian(bytes, (ulong)Clamp(value, 0, ulong.MaxValue));
                break;
            default:
                BinaryPrimitives.WriteDoubleBigEndian(bytes, value);
                break;
        }

        FromBigEndian(bytes[..(2 * Width(type))], order, registers);
    }

    private static double Clamp(double value, double min, double max) => double.IsNaN(value) ? 0 : Math.Clamp(Math.Round(value), min, max);

    private static void ToBigEndian(ReadOnlySpan<ushort> registers, WordOrder order, Span<byte> bytes)
    {
        var n = registers.Length;
        for (var i = 0; i < n; i++)
        {
            var word = registers[WordsReversed(order) ? n - 1 - i : i];
            var high = (byte)(word >> 8);
            var low = (byte)word;
            var swap = BytesSwapped(order);
            bytes[2 * i] = swap ? low : high;
            bytes[(2 * i) + 1] = swap ? high : low;
        }
    }

    private static void FromBigEndian(ReadOnlySpan<byte> bytes, WordOrder order, Span<ushort> registers)
    {
        var n = bytes.Length / 2;
        var swap = BytesSwapped(order);
        for (var i = 0; i < n; i++)
        {
            var high = swap ? bytes[(2 * i) + 1] : bytes[2 * i];
            var low = swap ? bytes[2 * i] : bytes[(2 * i) + 1];
            registers[WordsReversed(order) ? n - 1 - i : i] = (ushort)((high << 8) | low);
        }
    }

    private static bool WordsReversed(WordOrder order) => order is WordOrder.CDAB or WordOrder.DCBA;

    private static bool BytesSwapped(WordOrder order) => order is WordOrder.BADC or WordOrder.DCBA;
}
