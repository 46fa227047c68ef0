using System.Globalization;
using GridEdge.Host.Configuration;
using GridEdge.Telemetry.Pipeline;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;

namespace GridEdge.Host.Runtime;

/// <summary>
/// Telemetry options from the site file's <c>telemetry:</c> section, overridden by the
/// GRIDEDGE_INFLUX_* variables of CLI.md (so a unit or a test points a site at a server without
/// editing it). Secrets only ever come from the environment.
/// </summary>
internal static class TelemetryOptionsFactory
{
    public static TelemetryOptions Create(TelemetrySettings settings, Func<string, string?> environment)
    {
        var influx = settings.Influx;
        var url = environment("GRIDEDGE_INFLUX_URL") is { Length: > 0 } overrideUrl ? new Uri(overrideUrl) : influx?.Url;
        InfluxTarget? target = null;
        if (url is not null)
        {
            var version = environment("GRIDEDGE_INFLUX_VERSION") is { Length: > 0 } v
                ? int.Parse(v, NumberStyles.None, CultureInfo.InvariantCulture)
                : influx?.Version ?? 1;
            target = new InfluxTarget
            {
                Url = url,
                Version = version == 2 ? InfluxApiVersion.V2 : InfluxApiVersion.V1,
                Database = environment("GRIDEDGE_INFLUX_DATABASE") ?? influx?.Database,
                RetentionPolicy = environment("GRIDEDGE_INFLUX_RETENTION_POLICY") ?? influx?.RetentionPolicy,
                Org = environment("GRIDEDGE_INFLUX_ORG") ?? influx?.Org,
                Bucket = environment("GRIDEDGE_INFLUX_BUCKET") ?? influx?.Bucket,
            };
        }

        var spoolDirectory = Path.GetFullPath(settings.Spool.Path);
        return new TelemetryOptions
        {
            Spool = new SpoolOptions { Directory = spoolDirectory, MaxBytes = settings.Spool.MaxBytes },
            Influx = target,
            Credentials = InfluxCredentials.FromEnvironment(),
            DeadLetterPath = Path.Combine(spoolDirectory, "dead-letter.lp"),
        };
    }
}
