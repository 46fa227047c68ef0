using GridEdge.Telemetry;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>
/// Points with every field type and names that need escaping in every position, plus what a
/// server should hold for each of them afterwards.
/// </summary>
internal static class AwkwardPoints
{
    public const string Measurement = "site power,x";
    public const string TagKey = "t k=1";
    public const string FloatKey = "power w";
    public const string IntegerKey = "count,i";
    public const string UnsignedKey = "unsigned=u";
    public const string BooleanKey = "ok flag";
    public const string StringKey = "note=s,x";

    public static string TagValue(int i) => $"v a,l=ue {i % 7} 日本";

    public static string DeviceValue(int i) => $"dev-{i % 5}";

    public static double FloatValue(int i) => i % 4 switch
    {
        0 => i * 1.1,
        1 => -i / 3.0,
        2 => 1.0e-7 * (i + 1),
        _ => 6.02214076e23 + i,
    };

    public static long IntegerValue(int i) => i % 3 == 0 ? -((long)i * 1_000_000_007) : (long)i * 37;

    public static bool BooleanValue(int i) => i % 2 == 0;

    public static string StringValue(int i) => $"say \"hi\" \\ path\\to, k=v {i} ünï";

    /// <param name="withUnsigned">InfluxDB 1.6 does not parse unsigned fields; v2 and VictoriaMetrics do.</param>
    public static TelemetryPoint Create(int i, DateTimeOffset time, bool withUnsigned)
    {
        var point = new TelemetryPoint(Measurement, time)
            .Tag("site", "demo")
            .Tag(TagKey, TagValue(i))
            .Tag("device", DeviceValue(i))
            .Field(FloatKey, FloatValue(i))
            .Field(IntegerKey, IntegerValue(i))
            .Field(BooleanKey, BooleanValue(i))
            .Field(StringKey, StringValue(i));
        if (withUnsigned)
        {
            point.Field(UnsignedKey, (ulong)i * 1000);
        }

        return point;
    }
}
