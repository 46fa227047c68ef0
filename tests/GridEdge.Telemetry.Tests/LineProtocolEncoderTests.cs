using System.Buffers;
using System.Globalization;
using System.Text;
using GridEdge.Telemetry.LineProtocol;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class LineProtocolEncoderTests
{
    private static readonly DateTimeOffset T = DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).AddTicks(1_234_567);

    private static string Encode(TelemetryPoint point, WritePrecision precision = WritePrecision.Nanoseconds)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Assert.True(LineProtocolEncoder.TryWrite(point, precision, buffer, out _));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    // Every special character at the start, in the middle and at the end of every position.
    [Theory]
    [InlineData(",", "\\,")]
    [InlineData(" ", "\\ ")]
    [InlineData("=", "=")]
    [InlineData("\"", "\"")]
    [InlineData("\n", "\\ ")]
    [InlineData("\r", "\\ ")]
    public void Measurement_escapes_comma_and_space_only(string special, string escaped)
    {
        foreach (var (raw, expected) in Positions(special, escaped))
        {
            Assert.Equal($"{expected} f=1i 0\n", Encode(new TelemetryPoint(raw, DateTimeOffset.UnixEpoch).Field("f", 1L)));
        }
    }

    [Theory]
    [InlineData(",", "\\,")]
    [InlineData(" ", "\\ ")]
    [InlineData("=", "\\=")]
    [InlineData("\"", "\"")]
    [InlineData("\n", "\\ ")]
    [InlineData("\r", "\\ ")]
    [InlineData("ü日", "ü日")]
    public void Tag_keys_tag_values_and_field_keys_escape_comma_equals_space(string special, string escaped)
    {
        foreach (var (raw, expected) in Positions(special, escaped))
        {
            Assert.Equal($"m,{expected}=v f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag(raw, "v").Field("f", 1L)));
            Assert.Equal($"m,t={expected} f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag("t", raw).Field("f", 1L)));
            Assert.Equal($"m {expected}=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field(raw, 1L)));
        }
    }

    [Theory]
    [InlineData("\"", "\\\"")]
    [InlineData("\\", "\\\\")]
    [InlineData(",", ",")]
    [InlineData(" ", " ")]
    [InlineData("=", "=")]
    [InlineData("\n", " ")]
    [InlineData("\r", " ")]
    public void String_field_values_escape_quote_and_backslash(string special, string escaped)
    {
        foreach (var (raw, expected) in Positions(special, escaped))
        {
            Assert.Equal($"m s=\"{expected}\" 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field("s", raw)));
        }
    }

    // Parsers skip the character after a backslash: a backslash is doubled only where it would
    // otherwise swallow a separator (end of the token, or before an escaped character).
    [Theory]
    [InlineData("\\ab", "\\ab")]
    [InlineData("a\\b", "a\\b")]
    [InlineData("ab\\", "ab\\\\")]
    [InlineData("ab\\\\", "ab\\\\\\\\")]
    [InlineData("a\\ b", "a\\\\\\ b")]
    [InlineData("a\\=b", "a\\\\\\=b")]
    public void Backslashes_in_names_and_tags(string raw, string expected)
    {
        Assert.Equal($"m,t={expected} f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag("t", raw).Field("f", 1L)));
        Assert.Equal($"m,{expected}=v f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag(raw, "v").Field("f", 1L)));
        Assert.Equal($"m {expected}=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field(raw, 1L)));
    }

    [Fact]
    public void A_backslash_before_an_ordinary_character_stays_single()
    {
        Assert.Equal("m,t=a\\b f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag("t", "a\\b").Field("f", 1L)));
        Assert.Equal("m,t=a\\\\\\,b f=1i 0\n", Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag("t", "a\\,b").Field("f", 1L)));
    }

    [Fact]
    public void Tags_are_sorted_by_key_and_empty_tag_values_left_out()
    {
        var point = new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Tag("zeta", "1").Tag("alpha", "2").Tag("Mid", "3").Tag("empty", "").Tag("alpha", "4").Field("f", true);
        Assert.Equal("m,Mid=3,alpha=4,zeta=1 f=t 0\n", Encode(point));
    }

    [Fact]
    public void Field_types_have_their_suffixes()
    {
        var point = new TelemetryPoint("m", DateTimeOffset.UnixEpoch)
            .Field("f", 1.5).Field("i", -42L).Field("u", ulong.MaxValue).Field("t", true).Field("b", false).Field("s", "x").Field("whole", 3.0).Field("l", long.MinValue);
        Assert.Equal("m f=1.5,i=-42i,u=18446744073709551615u,t=t,b=f,s=\"x\",whole=3,l=-9223372036854775808i 0\n", Encode(point));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("ar-SA")]
    [InlineData("ja-JP")]
    [InlineData("fa-IR")]
    public void Numbers_are_invariant_under_any_current_culture(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            var point = new TelemetryPoint("m", T).Field("f", -1234567.125).Field("small", 1e-7).Field("big", 1.5e300).Field("i", -1234567L).Field("u", 1234567UL);
            Assert.Equal("m f=-1234567.125,small=1E-07,big=1.5E+300,i=-1234567i,u=1234567u 1700000000123456700\n", Encode(point));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Floats_round_trip_exactly()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var value = BitConverter.Int64BitsToDouble(random.NextInt64());
            if (!double.IsFinite(value))
            {
                continue;
            }

            var line = Encode(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field("f", value));
            var text = line["m f=".Length..line.IndexOf(' ', 4)];
            Assert.Equal(value, double.Parse(text, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public void NaN_and_infinity_are_left_out_and_counted()
    {
        var buffer = new ArrayBufferWriter<byte>();
        var point = new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field("a", double.NaN).Field("b", 2.0).Field("c", double.PositiveInfinity).Field("d", double.NegativeInfinity);
        Assert.True(LineProtocolEncoder.TryWrite(point, WritePrecision.Seconds, buffer, out var rejected));
        Assert.Equal(3, rejected);
        Assert.Equal("m b=2 0\n", Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_point_without_a_representable_field_is_not_written()
    {
        var buffer = new ArrayBufferWriter<byte>();
        Assert.False(LineProtocolEncoder.TryWrite(new TelemetryPoint("m", DateTimeOffset.UnixEpoch).Field("a", double.NaN), WritePrecision.Seconds, buffer, out var rejected));
        Assert.Equal(1, rejected);
        Assert.Equal(0, buffer.WrittenCount);
        Assert.False(LineProtocolEncoder.TryWrite(new TelemetryPoint("m", DateTimeOffset.UnixEpoch), WritePrecision.Seconds, buffer, out _));
    }

    [Theory]
    [InlineData(WritePrecision.Nanoseconds, "1700000000123456700", "ns")]
    [InlineData(WritePrecision.Microseconds, "1700000000123456", "u")]
    [InlineData(WritePrecision.Milliseconds, "1700000000123", "ms")]
    [InlineData(WritePrecision.Seconds, "1700000000", "s")]
    public void Precision_scales_the_timestamp(WritePrecision precision, string expected, string query)
    {
        Assert.Equal($"m f=1i {expected}\n", Encode(new TelemetryPoint("m", T).Field("f", 1L), precision));
        Assert.Equal(query, precision.ToQueryValue());
    }

    [Fact]
    public void Times_before_the_epoch_round_down()
    {
        var before = DateTimeOffset.UnixEpoch.AddMilliseconds(-1.5);
        Assert.Equal(-2, WritePrecision.Milliseconds.ToUnixTime(before));
        Assert.Equal(-1, WritePrecision.Seconds.ToUnixTime(before));
        Assert.Equal(-1_500_000, WritePrecision.Nanoseconds.ToUnixTime(before));
    }

    [Fact]
    public void Measurement_names_that_would_be_comments_are_refused()
    {
        Assert.Throws<ArgumentException>(() => new TelemetryPoint("#m", T));
        Assert.Throws<ArgumentException>(() => new TelemetryPoint("", T));
    }

    private static IEnumerable<(string Raw, string Expected)> Positions(string special, string escaped)
    {
        yield return (special + "ab", escaped + "ab");
        yield return ("a" + special + "b", "a" + escaped + "b");
        yield return ("ab" + special, "ab" + escaped);
        yield return (special + special, escaped + escaped);
    }
}
