using System.IO.Compression;
using System.Net;
using System.Text;

namespace GridEdge.Telemetry.Tests;

/// <summary>
/// Stands in for InfluxDB: decompresses each request, hands its lines to <see cref="Respond"/>, and
/// stores the lines of every 2xx answer (same series and time overwrite, as in InfluxDB).
/// </summary>
internal sealed class FakeInfluxHandler : HttpMessageHandler
{
    private readonly Lock _gate = new();

    public Func<IReadOnlyList<string>, HttpResponseMessage> Respond { get; set; } = _ => new HttpResponseMessage(HttpStatusCode.NoContent);

    /// <summary>How long each request takes on <see cref="Clock"/> (a slow server or link); zero = at once.</summary>
    public TimeSpan Latency { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public List<HttpRequestMessage> Requests { get; } = [];

    public List<IReadOnlyList<string>> Bodies { get; } = [];

    /// <summary>Stored lines keyed by series and timestamp.</summary>
    public Dictionary<string, string> Stored { get; } = [];

    /// <summary>A copy of the stored keys, safe to take while requests arrive.</summary>
    public HashSet<string> StoredKeys()
    {
        lock (_gate)
        {
            return [.. Stored.Keys];
        }
    }

    public static HttpResponseMessage Status(HttpStatusCode status, string body = "") =>
        new(status) { Content = new StringContent(body) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Latency > TimeSpan.Zero)
        {
            await Task.Delay(Latency, Clock, cancellationToken);
        }

        var raw = await request.Content!.ReadAsByteArrayAsync(cancellationToken);
        if (request.Content.Headers.ContentEncoding.Contains("gzip"))
        {
            using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            await gzip.CopyToAsync(plain, cancellationToken);
            raw = plain.ToArray();
        }

        var lines = Encoding.UTF8.GetString(raw).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        HttpResponseMessage response;
        lock (_gate)
        {
            Requests.Add(request);
            Bodies.Add(lines);
            response = Respond(lines);
            if (response.IsSuccessStatusCode)
            {
                foreach (var line in lines)
                {
                    var lastSpace = line.LastIndexOf(' ');
                    var firstSpace = line.IndexOf(' ', StringComparison.Ordinal);
                    Stored[line[..firstSpace] + "@" + line[(lastSpace + 1)..]] = line;
                }
            }
        }

        return response;
    }
}
