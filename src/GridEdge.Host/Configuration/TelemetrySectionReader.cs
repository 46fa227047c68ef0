using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>telemetry:</c> section (InfluxDB target and disk spool).</summary>
internal static class TelemetrySectionReader
{
    public static TelemetrySettings Read(ConfigMap root)
    {
        if (root.OptionalMap("telemetry") is not { } telemetry)
        {
            return new TelemetrySettings();
        }

        var influx = telemetry.OptionalMap("influx") is { } influxMap ? ReadInflux(influxMap) : null;
        var spool = telemetry.OptionalMap("spool") is { } spoolMap ? ReadSpool(spoolMap) : new SpoolSettings();
        return new TelemetrySettings { Influx = influx, Spool = spool };
    }

    private static InfluxSettings? ReadInflux(ConfigMap influx)
    {
        var url = influx.RequiredUrl("url", SiteKeywords.HttpSchemes);
        var version = influx.RequiredChoice("version", SiteKeywords.InfluxVersions);
        var database = ReadVersioned(influx, "database", version, 1, required: true);
        var retentionPolicy = ReadVersioned(influx, "retention_policy", version, 1, required: false);
        var org = ReadVersioned(influx, "org", version, 2, required: true);
        var bucket = ReadVersioned(influx, "bucket", version, 2, required: true);
        if (url is null || version is null)
        {
            return null;
        }

        return new InfluxSettings
        {
            Url = url,
            Version = version.Value,
            Database = database,
            RetentionPolicy = retentionPolicy,
            Org = org,
            Bucket = bucket,
        };
    }

    /// <summary>A key that belongs to one InfluxDB version: required (if so) there, an error with the other.</summary>
    private static string? ReadVersioned(ConfigMap influx, string key, int? version, int owner, bool required)
    {
        var node = influx.Optional(key);
        if (version is null)
        {
            return node?.AsString();
        }

        if (version != owner)
        {
            node?.Error(string.Create(CultureInfo.InvariantCulture, $"'{key}' is only used with version {owner}"));
            return null;
        }

        if (node is null && required)
        {
            influx.ReportMissing(key, string.Create(CultureInfo.InvariantCulture, $"needed with version {owner}"));
        }

        return node?.AsString();
    }

    private static SpoolSettings ReadSpool(ConfigMap spool)
    {
        var path = spool.OptionalString("path") ?? SpoolSettings.DefaultPath;
        var maxBytes = SpoolSettings.DefaultMaxBytes;
        if (spool.Optional("max_bytes") is { } node)
        {
            if (!ByteSize.TryParse(node.ScalarText, out var bytes))
            {
                node.Error($"expected a size ({ByteSize.Syntax}), got {node.Describe()}");
            }
            else if (bytes <= 0)
            {
                node.Error($"{node.ScalarText?.Trim()} must be greater than 0");
            }
            else
            {
                maxBytes = bytes;
            }
        }

        return new SpoolSettings { Path = path, MaxBytes = maxBytes };
    }
}
