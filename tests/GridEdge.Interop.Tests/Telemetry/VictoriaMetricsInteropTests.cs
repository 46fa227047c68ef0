using GridEdge.Telemetry.LineProtocol;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Writer;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>
/// Against a real VictoriaMetrics through both write APIs; read back with /api/v1/export. VictoriaMetrics
/// stores each numeric field as a series <c>{measurement}_{field}</c> (booleans as 1/0) and ignores
/// string fields, so those are compared as numbers and strings are left out.
/// </summary>
public sealed class VictoriaMetricsInteropTests
{
    [Theory]
    [InlineData(InfluxApiVersion.V1)]
    [InlineData(InfluxApiVersion.V2)]
    public async Task Every_numeric_field_type_and_awkward_name_arrives_field_by_field(InfluxApiVersion version)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var vm = await VictoriaMetricsPeer.StartAsync(ct);
        using var spool = new SpoolDirectory();
        var target = new InfluxTarget { Url = vm.Url, Version = version, Database = "gridedge", Org = "site-org", Bucket = "gridedge", Precision = WritePrecision.Milliseconds };
        const int count = 1000;
        var start = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds());
        await using (var pipeline = new TelemetryPipeline(TelemetryTestPipelines.Options(spool, target)))
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var run = pipeline.RunAsync(stop.Token);
            for (var i = 0; i < count; i++)
            {
                pipeline.Record(AwkwardPoints.Create(i, start.AddMilliseconds(i), withUnsigned: true));
            }

            await TelemetryTestPipelines.WaitUntilAsync(() => pipeline.Counters.Written == count, TimeSpan.FromSeconds(20), () => pipeline.Counters.ToString());
            await stop.CancelAsync();
            await run;
        }

        var fields = new (string Key, Func<int, double> Expected)[]
        {
            (AwkwardPoints.FloatKey, AwkwardPoints.FloatValue),
            (AwkwardPoints.IntegerKey, i => AwkwardPoints.IntegerValue(i)),
            (AwkwardPoints.UnsignedKey, i => i * 1000.0),
            (AwkwardPoints.BooleanKey, i => AwkwardPoints.BooleanValue(i) ? 1 : 0),
        };
        foreach (var (key, expectedValue) in fields)
        {
            var name = AwkwardPoints.Measurement + "_" + key;
            var series = await vm.ExportAsync("{__name__=" + Quote(name) + "}", ct);
            var seen = 0;
            foreach (var doc in series)
            {
                var metric = doc.RootElement.GetProperty("metric");
                Assert.Equal(name, metric.GetProperty("__name__").GetString());
                Assert.Equal("demo", metric.GetProperty("site").GetString());
                var device = metric.GetProperty("device").GetString();
                var tag = metric.GetProperty(AwkwardPoints.TagKey).GetString();
                var values = doc.RootElement.GetProperty("values").EnumerateArray().ToArray();
                var timestamps = doc.RootElement.GetProperty("timestamps").EnumerateArray().ToArray();
                for (var k = 0; k < values.Length; k++)
                {
                    var i = (int)(timestamps[k].GetInt64() - start.ToUnixTimeMilliseconds());
                    Assert.Equal(AwkwardPoints.DeviceValue(i), device);
                    Assert.Equal(AwkwardPoints.TagValue(i), tag);
                    var expected = expectedValue(i);

                    // VictoriaMetrics keeps 15–16 significant digits; compare relative to that.
                    Assert.True(Math.Abs(values[k].GetDouble() - expected) <= Math.Abs(expected) * 1e-12, $"{name}[{i}]: {values[k].GetDouble()} vs {expected}");
                    seen++;
                }
            }

            Assert.Equal(count, seen);
        }

    }

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
