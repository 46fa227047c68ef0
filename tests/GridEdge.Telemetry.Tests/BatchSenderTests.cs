using System.Net;
using System.Text;
using GridEdge.Telemetry.Spool;
using GridEdge.Telemetry.Writer;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class BatchSenderTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeInfluxHandler _server = new();
    private readonly DiskSpool _spool;
    private readonly InfluxWriteClient _client;
    private readonly BatchSender _sender;

    public BatchSenderTests()
    {
        _spool = DiskSpool.Open(new SpoolOptions { Directory = Path.Combine(_dir.Path, "spool") }, _time);
        _client = new InfluxWriteClient(
            new InfluxTarget { Url = new Uri("http://influx.test:8086"), Database = "db", RetentionPolicy = "autogen" },
            new InfluxCredentials(null, "user", "secret"),
            _server,
            _time);
        _sender = new BatchSender(_client, new DeadLetterFile(DeadLetterPath, _time), _time, backoff: new ExponentialBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(1)));
    }

    private string DeadLetterPath => Path.Combine(_dir.Path, "dead.lp");

    public void Dispose()
    {
        _spool.Dispose();
        _client.Dispose();
        _server.Dispose();
        _dir.Dispose();
    }

    private SpoolBatch Batch(int count)
    {
        _spool.Append(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, count).Select(i => $"m,t=x f={i}i {i}\n"))));
        return _spool.Read(10_000, 1 << 24)!;
    }

    [Fact]
    public async Task A_2xx_stores_the_batch_in_one_gzip_request_with_basic_auth()
    {
        using var batch = Batch(100);
        Assert.Equal(0, await _sender.SendAsync(batch, TestContext.Current.CancellationToken));
        var request = Assert.Single(_server.Requests);
        Assert.Equal("http://influx.test:8086/write?db=db&rp=autogen&precision=ms", request.RequestUri!.ToString());
        Assert.Equal("Basic", request.Headers.Authorization!.Scheme);
        Assert.Equal("user:secret", Encoding.UTF8.GetString(Convert.FromBase64String(request.Headers.Authorization.Parameter!)));
        Assert.Contains("gzip", request.Content!.Headers.ContentEncoding);
        Assert.Equal(100, _server.Stored.Count);
    }

    [Fact]
    public async Task A_400_is_bisected_down_to_the_bad_lines_which_go_to_the_dead_letter_file()
    {
        _server.Respond = lines => lines.Any(l => l.Contains("f=13i", StringComparison.Ordinal) || l.Contains("f=77i", StringComparison.Ordinal))
            ? FakeInfluxHandler.Status(HttpStatusCode.BadRequest, "{\"error\":\"partial write: field type conflict\"}")
            : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        using var batch = Batch(100);
        Assert.Equal(2, await _sender.SendAsync(batch, TestContext.Current.CancellationToken));
        Assert.Equal(98, _server.Stored.Count);
        Assert.True(_server.Requests.Count < 40, $"{_server.Requests.Count} requests");
        var dead = File.ReadAllLines(DeadLetterPath);
        Assert.Equal(4, dead.Length);
        Assert.StartsWith("# 2026-11-23T12:00:00", dead[0], StringComparison.Ordinal);
        Assert.Contains("HTTP 400: {\"error\":\"partial write: field type conflict\"}", dead[0], StringComparison.Ordinal);
        Assert.Equal("m,t=x f=13i 13", dead[1]);
        Assert.Equal("m,t=x f=77i 77", dead[3]);
    }

    [Fact]
    public async Task A_413_splits_the_body_until_it_fits()
    {
        _server.Respond = lines => lines.Count > 10 ? FakeInfluxHandler.Status(HttpStatusCode.RequestEntityTooLarge) : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        using var batch = Batch(100);
        Assert.Equal(0, await _sender.SendAsync(batch, TestContext.Current.CancellationToken));
        Assert.Equal(100, _server.Stored.Count);
        Assert.All(_server.Bodies.Skip(1), b => Assert.True(b.Count <= 100));
    }

    [Fact]
    public async Task A_401_raises_the_alarm_and_is_retried_later_without_losing_anything()
    {
        var refuse = 3;
        _server.Respond = _ => refuse-- > 0 ? FakeInfluxHandler.Status(HttpStatusCode.Unauthorized, "authorization failed") : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        using var batch = Batch(10);
        var send = _sender.SendAsync(batch, TestContext.Current.CancellationToken);
        await Task.Delay(50, TestContext.Current.CancellationToken);
        Assert.False(send.IsCompleted);
        Assert.Equal(1, _sender.Refusals);
        Assert.Equal("HTTP 401: authorization failed", _sender.LastError);
        Assert.Equal(0, await _time.RunAsync(send, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(10)));
        Assert.Equal(3, _sender.Refusals);
        Assert.Equal(10, _server.Stored.Count);
        Assert.Null(_sender.LastError);
        Assert.False(File.Exists(DeadLetterPath));
    }

    [Fact]
    public async Task A_404_for_a_missing_database_waits_at_least_the_refusal_delay()
    {
        var start = _time.GetUtcNow();
        var times = new List<DateTimeOffset>();
        _server.Respond = _ =>
        {
            times.Add(_time.GetUtcNow());
            return times.Count == 1 ? FakeInfluxHandler.Status(HttpStatusCode.NotFound, "database not found: \"db\"") : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        };
        using var batch = Batch(1);
        await _time.RunAsync(_sender.SendAsync(batch, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.True(times[1] - start >= TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_429_waits_exactly_for_retry_after_in_seconds()
    {
        var times = new List<DateTimeOffset>();
        _server.Respond = _ =>
        {
            times.Add(_time.GetUtcNow());
            if (times.Count > 1)
            {
                return FakeInfluxHandler.Status(HttpStatusCode.NoContent);
            }

            var response = FakeInfluxHandler.Status(HttpStatusCode.TooManyRequests);
            response.Headers.Add("Retry-After", "42");
            return response;
        };
        using var batch = Batch(5);
        await _time.RunAsync(_sender.SendAsync(batch, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.Equal(2, times.Count);
        Assert.InRange((times[1] - times[0]).TotalSeconds, 42, 43);
        Assert.Equal(1, _sender.Retries);
    }

    [Fact]
    public async Task A_503_honours_retry_after_as_an_http_date()
    {
        var times = new List<DateTimeOffset>();
        _server.Respond = _ =>
        {
            times.Add(_time.GetUtcNow());
            if (times.Count > 1)
            {
                return FakeInfluxHandler.Status(HttpStatusCode.NoContent);
            }

            var response = FakeInfluxHandler.Status(HttpStatusCode.ServiceUnavailable);
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(_time.GetUtcNow().AddMinutes(2));
            return response;
        };
        using var batch = Batch(5);
        await _time.RunAsync(_sender.SendAsync(batch, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        Assert.InRange((times[1] - times[0]).TotalSeconds, 120, 121);
    }

    [Fact]
    public async Task Network_errors_back_off_exponentially_with_jitter_up_to_the_cap()
    {
        var times = new List<DateTimeOffset>();
        _server.Respond = _ =>
        {
            times.Add(_time.GetUtcNow());
            return times.Count <= 9 ? throw new HttpRequestException("connection refused") : FakeInfluxHandler.Status(HttpStatusCode.NoContent);
        };
        using var batch = Batch(5);
        await _time.RunAsync(_sender.SendAsync(batch, TestContext.Current.CancellationToken), TimeSpan.FromMilliseconds(500), TimeSpan.FromMinutes(30));
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToArray();
        Assert.Equal(9, gaps.Length);
        for (var i = 0; i < gaps.Length; i++)
        {
            var ceiling = Math.Min(60, Math.Pow(2, i));
            Assert.InRange(gaps[i], (ceiling * 0.5) - 0.01, ceiling + 0.6);
        }

        Assert.Equal(9, _sender.Retries);
        Assert.Equal(5, _server.Stored.Count);
    }

    [Fact]
    public async Task A_request_without_an_answer_times_out_on_the_injected_clock_and_is_retried()
    {
        var calls = 0;
        var hang = new TaskCompletionSource<HttpResponseMessage>();
        var hanging = new HangingHandler(() => ++calls == 1 ? hang.Task : Task.FromResult(FakeInfluxHandler.Status(HttpStatusCode.NoContent)));
        using var client = new InfluxWriteClient(new InfluxTarget { Url = new Uri("http://influx.test"), Database = "db", RequestTimeout = TimeSpan.FromSeconds(10) }, InfluxCredentials.None, hanging, _time);
        var sender = new BatchSender(client, new DeadLetterFile(DeadLetterPath, _time), _time);
        using var batch = Batch(1);
        await _time.RunAsync(sender.SendAsync(batch, TestContext.Current.CancellationToken), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(2));
        Assert.Equal(2, calls);
        Assert.Equal(1, sender.Retries);
    }

    [Fact]
    public void V2_targets_use_org_bucket_and_token()
    {
        var target = new InfluxTarget { Url = new Uri("http://h:8086/base"), Version = InfluxApiVersion.V2, Org = "my org", Bucket = "b/1", Precision = LineProtocol.WritePrecision.Seconds };
        Assert.Equal("http://h:8086/base/api/v2/write?org=my%20org&bucket=b%2F1&precision=s", target.WriteUri().AbsoluteUri);
        var shown = new InfluxCredentials("s3cr3tT0k", "admin-user", "pa55word").ToString();
        Assert.DoesNotContain("s3cr3tT0k", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-user", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("pa55word", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task V2_sends_the_token_header()
    {
        using var client = new InfluxWriteClient(new InfluxTarget { Url = new Uri("http://h:8086"), Version = InfluxApiVersion.V2, Org = "o", Bucket = "b" }, new InfluxCredentials("s3cret", null, null), _server, _time);
        Assert.Equal(WriteOutcomeKind.Accepted, (await client.WriteAsync("m f=1 1\n"u8.ToArray(), TestContext.Current.CancellationToken)).Kind);
        Assert.Equal("Token s3cret", _server.Requests.Single().Headers.Authorization!.ToString());
    }

    private sealed class HangingHandler(Func<Task<HttpResponseMessage>> respond) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            respond().WaitAsync(cancellationToken);
    }
}
