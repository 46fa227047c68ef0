namespace GridEdge.Telemetry.LineProtocol;

/// <summary>Query-string spelling and timestamp scaling of a <see cref="WritePrecision"/>.</summary>
public static class WritePrecisionExtensions
{
    /// <summary>The value of the <c>precision</c> parameter. v1 spells microseconds <c>u</c>; v2 and VictoriaMetrics accept it too.</summary>
    public static string ToQueryValue(this WritePrecision precision) => precision switch
    {
        WritePrecision.Nanoseconds => "ns",
        WritePrecision.Microseconds => "u",
        WritePrecision.Milliseconds => "ms",
        WritePrecision.Seconds => "s",
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
    };

    /// <summary>
    /// The timestamp as an integer count of <paramref name="precision"/> units since the Unix epoch,
    /// rounded down (floor) so that an instant never moves into the next unit.
    /// </summary>
    public static long ToUnixTime(this WritePrecision precision, DateTimeOffset timestamp)
    {
        var ticks = timestamp.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return precision switch
        {
            WritePrecision.Nanoseconds => checked(ticks * 100),
            WritePrecision.Microseconds => Math.DivRem(ticks, 10, out var r1) - (r1 < 0 ? 1 : 0),
            WritePrecision.Milliseconds => Math.DivRem(ticks, TimeSpan.TicksPerMillisecond, out var r2) - (r2 < 0 ? 1 : 0),
            WritePrecision.Seconds => Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var r3) - (r3 < 0 ? 1 : 0),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "unknown precision"),
        };
    }
}
