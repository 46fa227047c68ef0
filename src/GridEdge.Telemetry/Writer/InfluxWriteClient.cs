using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace GridEdge.Telemetry.Writer;

/// <summary>
/// Sends one body of line protocol to the v1 or v2 write endpoint and classifies the answer.
/// It never retries by itself: what to do with a failure is <see cref="BatchSender"/>'s business.
/// The handler can be replaced (tests use a fake one).
/// </summary>
public sealed class InfluxWriteClient : IDisposable
{
    private const int MaxMessageChars = 1024;
    private readonly InfluxTarget _target;
    private readonly HttpClient _http;
    private readonly TimeProvider _time;
    private readonly Uri _writeUri;
    private readonly AuthenticationHeaderValue? _authorization;
    private readonly MemoryStream _compressed = new();

    public InfluxWriteClient(InfluxTarget target, InfluxCredentials credentials, HttpMessageHandler? handler = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(credentials);
        _target = target;
        _time = time ?? TimeProvider.System;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);

        // Our own time limit (on the injected clock) governs; HttpClient's would fire on the wall clock.
        _http.Timeout = Timeout.InfiniteTimeSpan;
        _writeUri = target.WriteUri();
        _authorization = Authorization(target.Version, credentials);
    }

    public Uri WriteUri => _writeUri;

    public async Task<WriteOutcome> WriteAsync(ReadOnlyMemory<byte> lines, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _writeUri);
        request.Headers.Authorization = _authorization;
        request.Content = _target.Gzip ? Compress(lines) : new ReadOnlyMemoryContent(lines);
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (_target.Gzip)
        {
            request.Content.Headers.ContentEncoding.Add("gzip");
        }

        using var timeout = new CancellationTokenSource(_target.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new WriteOutcome(WriteOutcomeKind.Accepted, status, "");
            }

            var message = await ReadMessageAsync(response, linked.Token).ConfigureAwait(false);
            return Classify(response.StatusCode, message, RetryAfterParser.Parse(response.Headers.RetryAfter, _time.GetUtcNow()));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, $"no answer within {_target.RequestTimeout.TotalSeconds:0.#} s".ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        catch (HttpRequestException e)
        {
            return new WriteOutcome(WriteOutcomeKind.Retry, 0, e.Message);
        }
    }

    public void Dispose()
    {
        _http.Dispose();
        _compressed.Dispose();
    }

    internal static WriteOutcome Classify(HttpStatusCode statusCode, string message, TimeSpan? retryAfter)
    {
        var status = (int)statusCode;
        var kind = status switch
        {
            400 or 422 => WriteOutcomeKind.Rejected,
            413 => WriteOutcomeKind.TooLarge,
            401 or 403 or 404 => WriteOutcomeKind.Refused,
            408 or 429 or >= 500 => WriteOutcomeKind.Retry,
            _ => WriteOutcomeKind.Refused,
        };
        return new WriteOutcome(kind, status, message, retryAfter);
    }

    // One request is in flight at a time, so a single reused buffer holds the compressed body.
    private ReadOnlyMemoryContent Compress(ReadOnlyMemory<byte> lines)
    {
        _compressed.SetLength(0);
        using (var gzip = new GZipStream(_compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(lines.Span);
        }

        return new ReadOnlyMemoryContent(_compressed.GetBuffer().AsMemory(0, (int)_compressed.Length));
    }

    private static async Task<string> ReadMessageAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Bounded: an error page of any size costs at most a few kilobytes.
        var buffer = new byte[MaxMessageChars * 4];
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
        {
            read += n;
        }

        var text = Encoding.UTF8.GetString(buffer, 0, read).Trim();
        return text.Length > MaxMessageChars ? text[..MaxMessageChars] : text;
    }

    private static AuthenticationHeaderValue? Authorization(InfluxApiVersion version, InfluxCredentials credentials)
    {
        if (version == InfluxApiVersion.V1 && credentials.Username is { } user)
        {
            var basic = Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + (credentials.Password ?? "")));
            return new AuthenticationHeaderValue("Basic", basic);
        }

        return credentials.Token is { } token ? new AuthenticationHeaderValue("Token", token) : null;
    }
}
