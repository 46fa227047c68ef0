using GridEdge.Telemetry.LineProtocol;

namespace GridEdge.Telemetry.Writer;

/// <summary>Where points are written: server URL, API version and database/retention policy (v1) or org/bucket (v2).</summary>
public sealed record InfluxTarget
{
    public required Uri Url { get; init; }

    public InfluxApiVersion Version { get; init; } = InfluxApiVersion.V1;

    /// <summary>v1 database.</summary>
    public string? Database { get; init; }

    /// <summary>v1 retention policy; the database's default when null.</summary>
    public string? RetentionPolicy { get; init; }

    /// <summary>v2 organisation.</summary>
    public string? Org { get; init; }

    /// <summary>v2 bucket.</summary>
    public string? Bucket { get; init; }

    public WritePrecision Precision { get; init; } = WritePrecision.Milliseconds;

    /// <summary>Compress request bodies (Content-Encoding: gzip).</summary>
    public bool Gzip { get; init; } = true;

    /// <summary>Time limit of one write request.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The write URL with its query string (credentials are sent as headers, never in the URL).</summary>
    public Uri WriteUri()
    {
        var query = new List<string>(4);
        string path;
        if (Version == InfluxApiVersion.V2)
        {
            path = "api/v2/write";
            Add(query, "org", Org ?? throw new InvalidOperationException("InfluxDB v2 needs an org"));
            Add(query, "bucket", Bucket ?? throw new InvalidOperationException("InfluxDB v2 needs a bucket"));
        }
        else
        {
            path = "write";
            Add(query, "db", Database ?? throw new InvalidOperationException("InfluxDB v1 needs a database"));
            if (!string.IsNullOrEmpty(RetentionPolicy))
            {
                Add(query, "rp", RetentionPolicy);
            }
        }

        Add(query, "precision", Precision.ToQueryValue());
        var basePath = Url.AbsoluteUri.EndsWith('/') ? Url.AbsoluteUri : Url.AbsoluteUri + "/";
        return new Uri(basePath + path + "?" + string.Join('&', query));
    }

    private static void Add(List<string> query, string key, string value) => query.Add(key + "=" + Uri.EscapeDataString(value));
}
