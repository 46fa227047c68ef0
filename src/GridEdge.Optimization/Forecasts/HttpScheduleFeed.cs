using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging;

namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// A schedule fetched by HTTP GET every <c>refresh</c>. A failed fetch (no answer within
/// <c>timeout</c>, an error status, a body that does not parse) keeps the schedule in force and
/// is retried after <see cref="FirstRetry"/>, doubling up to the refresh period. HTTPS certificates are
/// checked against the system's trust store; there is no switch to turn that off.
/// </summary>
public sealed class HttpScheduleFeed(
    Uri url,
    IReadOnlyDictionary<string, string> headers,
    TimeSpan refresh,
    TimeSpan timeout,
    IScheduleTarget target,
    TimeProvider time,
    ILogger logger) : ScheduleFeed(time)
{
    public static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(30);

    private TimeSpan _retry = FirstRetry;

    public override async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        // The timeout runs on the injected clock; HttpClient's own (wall-clock) timeout is off.
        using var limit = new CancellationTokenSource(timeout, Time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, limit.Token);
        // One request per refresh period: a client per request costs nothing and never holds stale DNS.
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.All })
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan,
            MaxResponseContentBufferSize = IScheduleTarget.MaxPayloadChars,
        };
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        string text;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, linked.Token);
            if (!response.IsSuccessStatusCode)
            {
                return Fail(string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode} {response.ReasonPhrase}"));
            }

            text = await response.Content.ReadAsStringAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(string.Create(CultureInfo.InvariantCulture, $"no answer within {timeout.TotalSeconds} s"));
        }
        catch (HttpRequestException ex)
        {
            return Fail(ex.Message);
        }

        return target.Offer(text, url.ToString());
    }

    protected override TimeSpan WaitAfter(bool succeeded)
    {
        if (succeeded)
        {
            _retry = FirstRetry;
            return refresh;
        }

        var wait = _retry < refresh ? _retry : refresh;
        _retry = TimeSpan.FromTicks(Math.Min(_retry.Ticks * 2, refresh.Ticks));
        return wait;
    }

    private bool Fail(string error)
    {
        Log.ScheduleFetchFailed(logger, target.Name, $"GET {url}", error);
        return false;
    }
}
