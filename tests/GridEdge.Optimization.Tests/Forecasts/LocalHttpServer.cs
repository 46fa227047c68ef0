using System.Collections.Concurrent;
using System.Net;
using System.Text;
using GridEdge.Testing;

namespace GridEdge.Optimization.Tests.Forecasts;

/// <summary>
/// A real HTTP server on 127.0.0.1 (HttpListener) that answers every GET with the status and body set
/// last, or holds requests unanswered (to test timeouts), and records the requests it got.
/// </summary>
internal sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<HttpListenerContext> _held = new();
    private readonly Task _loop;
    private volatile Reply _reply = new(200, "");
    private int _requests;

    private LocalHttpServer(int port)
    {
        Url = new Uri($"http://127.0.0.1:{port}/prices.csv");
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>The Authorization header of each request, in order.</summary>
    public ConcurrentQueue<string?> Authorizations { get; } = new();

    public static LocalHttpServer Start() => new(Peers.FreeTcpPort());

    public void Answer(int status, string body) => _reply = new Reply(status, body);

    /// <summary>From now on requests get no answer until the server is disposed.</summary>
    public void Hang() => _reply = new Reply(0, "");

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        while (_held.TryDequeue(out var context))
        {
            context.Response.Abort();
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            Authorizations.Enqueue(context.Request.Headers["Authorization"]);
            var reply = _reply;
            Interlocked.Increment(ref _requests);
            if (reply.Status == 0)
            {
                _held.Enqueue(context);
                continue;
            }

            var bytes = Encoding.UTF8.GetBytes(reply.Body);
            context.Response.StatusCode = reply.Status;
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    private sealed record Reply(int Status, string Body);
}
