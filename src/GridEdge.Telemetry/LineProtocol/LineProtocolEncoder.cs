using System.Buffers;
using System.Globalization;

namespace GridEdge.Telemetry.LineProtocol;

/// <summary>
/// Writes <see cref="TelemetryPoint"/>s as InfluxDB line protocol (UTF-8, one line per point,
/// terminated by <c>\n</c>) straight into a caller's buffer: no intermediate strings, numbers in
/// invariant form (floats in the shortest form that round-trips).
/// </summary>
public static class LineProtocolEncoder
{
    private const int MaxNumberBytes = 32;

    /// <summary>
    /// Writes one point. Fields that cannot be represented (NaN, ±Infinity) are left out and counted
    /// in <paramref name="rejectedFields"/>; a point with no field left is not written at all.
    /// </summary>
    /// <returns>True when a line was written.</returns>
    public static bool TryWrite(TelemetryPoint point, WritePrecision precision, IBufferWriter<byte> output, out int rejectedFields)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(output);

        rejectedFields = 0;
        var fields = point.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            if (!fields[i].Value.IsRepresentable)
            {
                rejectedFields++;
            }
        }

        if (rejectedFields == fields.Count)
        {
            return false;
        }

        LineProtocolEscaper.WriteMeasurement(output, point.Measurement);
        var tags = point.Tags;
        for (var i = 0; i < tags.Count; i++)
        {
            WriteByte(output, (byte)',');
            LineProtocolEscaper.WriteKey(output, tags[i].Key);
            WriteByte(output, (byte)'=');
            LineProtocolEscaper.WriteKey(output, tags[i].Value);
        }

        var separator = (byte)' ';
        for (var i = 0; i < fields.Count; i++)
        {
            var (key, value) = fields[i];
            if (!value.IsRepresentable)
            {
                continue;
            }

            WriteByte(output, separator);
            separator = (byte)',';
            LineProtocolEscaper.WriteKey(output, key);
            WriteByte(output, (byte)'=');
            WriteValue(output, value);
        }

        WriteByte(output, (byte)' ');
        WriteNumber(output, precision.ToUnixTime(point.Timestamp), suffix: 0);
        WriteByte(output, (byte)'\n');
        return true;
    }

    private static void WriteValue(IBufferWriter<byte> output, FieldValue value)
    {
        switch (value.Kind)
        {
            case FieldKind.FloatingPoint:
                {
                    var span = output.GetSpan(MaxNumberBytes);
                    if (!value.FloatValue.TryFormat(span, out var written, "R", CultureInfo.InvariantCulture))
                    {
                        throw new InvalidOperationException("float did not fit its buffer");
                    }

                    output.Advance(written);
                    break;
                }

            case FieldKind.SignedInteger:
                WriteNumber(output, value.IntegerValue, suffix: (byte)'i');
                break;
            case FieldKind.UnsignedInteger:
                {
                    var span = output.GetSpan(MaxNumberBytes);
                    value.UnsignedValue.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
                    span[written] = (byte)'u';
                    output.Advance(written + 1);
                    break;
                }

            case FieldKind.Boolean:
                WriteByte(output, value.BooleanValue ? (byte)'t' : (byte)'f');
                break;
            default:
                WriteByte(output, (byte)'"');
                LineProtocolEscaper.WriteStringContent(output, value.StringValue);
                WriteByte(output, (byte)'"');
                break;
        }
    }

    private static void WriteNumber(IBufferWriter<byte> output, long number, byte suffix)
    {
        var span = output.GetSpan(MaxNumberBytes);
        number.TryFormat(span, out var written, default, CultureInfo.InvariantCulture);
        if (suffix != 0)
        {
            span[written++] = suffix;
        }

        output.Advance(written);
    }

    private static void WriteByte(IBufferWriter<byte> output, byte b)
    {
        output.GetSpan(1)[0] = b;
        output.Advance(1);
    }
}
