using GridEdge.Devices.Profiles;
using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// Register values ↔ SI values of a point: raw × scale × 10^SF × unit factor, signed to
/// GridEdge's + import convention. SunSpec "not implemented" values decode as missing (null).
/// </summary>
public static class PointCodec
{
    /// <summary>The SI value, or null when the registers were not read or hold a not-implemented sentinel.</summary>
    public static double? Decode(ResolvedPoint resolved, RegisterSnapshot registers, bool sunSpecSentinels)
    {
        var point = resolved.Point;
        var raw = registers.Get(point.Function, resolved.Address, point.Width);
        if (raw.IsEmpty || (sunSpecSentinels && IsNotImplemented(raw, point.Type, point.Order)))
        {
            return null;
        }

        var exponent = 0;
        if (resolved.ScaleAddress is { } scaleAddress)
        {
            var sf = registers.Get(point.Function, scaleAddress, 1);
            if (sf.IsEmpty || sf[0] == 0x8000 || (short)sf[0] is < -10 or > 10)
            {
                return null;
            }

            exponent = (short)sf[0];
        }

        var value = RegisterCodec.Decode(raw, point.Type, point.Order);
        if (!double.IsFinite(value))
        {
            return null;
        }

        return value * Factor(point, exponent);
    }

    /// <summary>Registers holding <paramref name="value"/> (SI) with scale-factor exponent <paramref name="exponent"/>.</summary>
    public static ushort[] Encode(ProfilePoint point, double value, int exponent = 0)
    {
        var registers = new ushort[point.Width];
        RegisterCodec.Encode(RawValue(point, value, exponent), point.Type, point.Order, registers);
        return registers;
    }

    /// <summary>The number the registers must hold for <paramref name="value"/> (SI) at <paramref name="exponent"/>.</summary>
    public static double RawValue(ProfilePoint point, double value, int exponent = 0) => value / Factor(point, exponent);

    /// <summary>The SunSpec sentinels: int16 0x8000, uint16 0xFFFF, int32 0x80000000, uint32 0xFFFFFFFF, acc 0, float NaN.</summary>
    public static bool IsNotImplemented(ReadOnlySpan<ushort> raw, RegisterType type, WordOrder order)
    {
        var bits = RegisterCodec.Raw(raw, type, order);
        return type switch
        {
            RegisterType.Int16 => bits == 0x8000,
            RegisterType.UInt16 => bits == 0xFFFF,
            RegisterType.Int32 => bits == 0x8000_0000,
            RegisterType.UInt32 => bits == 0xFFFF_FFFF,
            RegisterType.Int64 => bits == 0x8000_0000_0000_0000,
            RegisterType.UInt64 => bits == ulong.MaxValue,
            RegisterType.Acc32 or RegisterType.Acc64 => bits == 0,
            _ => double.IsNaN(RegisterCodec.Decode(raw, type, order)),
        };
    }

    private static double Factor(ProfilePoint point, int exponent)
    {
        var sign = point.Sign == PointSign.ExportPositive && Quantities.IsSigned(point.Quantity) ? -1 : 1;
        return point.Scale * Math.Pow(10, exponent) * (Quantities.Factor(point.Quantity, point.Unit) ?? 1) * sign;
    }
}
