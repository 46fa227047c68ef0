using System.Globalization;

namespace GridEdge.Telemetry.LineProtocol;

/// <summary>
/// One field value with its line-protocol type. A struct so that building a point does not box
/// numbers; the string is only set for <see cref="FieldKind.Text"/>.
/// </summary>
public readonly record struct FieldValue
{
    private readonly double _float;
    private readonly long _integer;
    private readonly ulong _unsigned;

    private FieldValue(FieldKind kind, double f, long i, ulong u, string? s)
    {
        Kind = kind;
        _float = f;
        _integer = i;
        _unsigned = u;
        StringValue = s;
    }

    public FieldKind Kind { get; }

    public string? StringValue { get; }

    public double FloatValue => _float;

    public long IntegerValue => _integer;

    public ulong UnsignedValue => _unsigned;

    public bool BooleanValue => _integer != 0;

    /// <summary>NaN and ±Infinity cannot be written in line protocol.</summary>
    public bool IsRepresentable => Kind != FieldKind.FloatingPoint || double.IsFinite(_float);

    public static FieldValue FromDouble(double value) => new(FieldKind.FloatingPoint, value, 0, 0, null);

    public static FieldValue FromInt64(long value) => new(FieldKind.SignedInteger, 0, value, 0, null);

    /// <summary>Unsigned integers (<c>42u</c>) are understood by InfluxDB 2 and VictoriaMetrics, not by InfluxDB 1.6.</summary>
    public static FieldValue FromUInt64(ulong value) => new(FieldKind.UnsignedInteger, 0, 0, value, null);

    public static FieldValue FromBoolean(bool value) => new(FieldKind.Boolean, 0, value ? 1 : 0, 0, null);

    public static FieldValue FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new(FieldKind.Text, 0, 0, 0, value);
    }

    public override string ToString() => Kind switch
    {
        FieldKind.FloatingPoint => _float.ToString("R", CultureInfo.InvariantCulture),
        FieldKind.SignedInteger => _integer.ToString(CultureInfo.InvariantCulture) + "i",
        FieldKind.UnsignedInteger => _unsigned.ToString(CultureInfo.InvariantCulture) + "u",
        FieldKind.Boolean => BooleanValue ? "true" : "false",
        _ => "\"" + StringValue + "\"",
    };
}
