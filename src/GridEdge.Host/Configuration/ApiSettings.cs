namespace GridEdge.Host.Configuration;

/// <summary>The <c>api:</c> section: where the REST API and dashboard listen.</summary>
public sealed record ApiSettings
{
    public static readonly Uri DefaultUrl = new("http://127.0.0.1:8080");

    public Uri Url { get; init; } = DefaultUrl;
}
