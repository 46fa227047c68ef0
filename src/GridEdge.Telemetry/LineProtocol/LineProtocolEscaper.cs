using System.Buffers;
using System.Text;

namespace GridEdge.Telemetry.LineProtocol;

/// <summary>
/// Escaping of names, tag values and string fields as the InfluxDB line-protocol parsers read them.
/// Newlines and carriage returns cannot travel inside a line on every server (VictoriaMetrics splits
/// lines before it looks at quotes), so they are written as a space everywhere.
/// </summary>
internal static class LineProtocolEscaper
{
    private static readonly SearchValues<char> MeasurementSpecials = SearchValues.Create(", \\\n\r");
    private static readonly SearchValues<char> KeySpecials = SearchValues.Create(",= \\\n\r");
    private static readonly SearchValues<char> StringSpecials = SearchValues.Create("\"\\\n\r");

    /// <summary>Measurement: comma and space escaped.</summary>
    public static void WriteMeasurement(IBufferWriter<byte> output, ReadOnlySpan<char> value) =>
        WriteIdentifier(output, value, MeasurementSpecials, isEqualsSpecial: false);

    /// <summary>Tag keys, tag values and field keys: comma, equals and space escaped.</summary>
    public static void WriteKey(IBufferWriter<byte> output, ReadOnlySpan<char> value) =>
        WriteIdentifier(output, value, KeySpecials, isEqualsSpecial: true);

    /// <summary>String field value without the surrounding quotes: double quote and backslash escaped.</summary>
    public static void WriteStringContent(IBufferWriter<byte> output, ReadOnlySpan<char> value)
    {
        while (true)
        {
            var i = value.IndexOfAny(StringSpecials);
            if (i < 0)
            {
                Encoding.UTF8.GetBytes(value, output);
                return;
            }

            Encoding.UTF8.GetBytes(value[..i], output);
            switch (value[i])
            {
                case '\n' or '\r':
                    WriteAscii(output, ' ');
                    break;
                default:
                    WriteAscii(output, '\\', value[i]);
                    break;
            }

            value = value[(i + 1)..];
        }
    }

    // Parsers skip the character after every backslash, and InfluxDB 1.x only unescapes ',', '=' and
    // ' '. A literal backslash is therefore written as is, unless it stands in front of a character
    // we escape (or at the end of the token), where it would swallow the separator: there the whole
    // run of backslashes is doubled so that the parser still finds the separator.
    private static void WriteIdentifier(IBufferWriter<byte> output, ReadOnlySpan<char> value, SearchValues<char> specials, bool isEqualsSpecial)
    {
        while (true)
        {
            var i = value.IndexOfAny(specials);
            if (i < 0)
            {
                Encoding.UTF8.GetBytes(value, output);
                return;
            }

            Encoding.UTF8.GetBytes(value[..i], output);
            var c = value[i];
            if (c == '\\')
            {
                var run = 1;
                while (i + run < value.Length && value[i + run] == '\\')
                {
                    run++;
                }

                var next = i + run < value.Length ? value[i + run] : '\0';
                var guardsSeparator = next is '\0' or ',' or ' ' or '\n' or '\r' || (isEqualsSpecial && next == '=');
                for (var k = 0; k < (guardsSeparator ? run * 2 : run); k++)
                {
                    WriteAscii(output, '\\');
                }

                value = value[(i + run)..];
                continue;
            }

            WriteAscii(output, '\\', c is '\n' or '\r' ? ' ' : c);
            value = value[(i + 1)..];
        }
    }

    private static void WriteAscii(IBufferWriter<byte> output, char c)
    {
        output.GetSpan(1)[0] = (byte)c;
        output.Advance(1);
    }

    private static void WriteAscii(IBufferWriter<byte> output, char a, char b)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)a;
        span[1] = (byte)b;
        output.Advance(2);
    }
}
