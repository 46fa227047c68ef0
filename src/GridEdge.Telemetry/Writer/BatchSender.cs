using GridEdge.Telemetry.Spool;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Telemetry.Writer;

/// <summary>
/// Gets one spool batch into the server, whatever it takes: a rejected (400/422) or too large (413)
/// body is bisected until the bad lines are isolated, which go to the dead-letter file; auth and
/// missing-database answers raise an alarm and are retried later; 429/503 wait for Retry-After;
/// network errors and other 5xx back off exponentially with jitter. Returns only when every line
/// is stored or dead-lettered, or when cancelled.
/// </summary>
public sealed class BatchSender
{
    private readonly InfluxWriteClient _client;
    private readonly DeadLetterFile _deadLetters;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ExponentialBackoff _backoff;
    private readonly Stack<(int Start, int Count)> _pending = new();
    private long _refusals;
    private long _retries;
    private long _requests;

    public BatchSender(InfluxWriteClient client, DeadLetterFile deadLetters, TimeProvider? time = null, ILogger? logger = null, ExponentialBackoff? backoff = null)
    {
        _client = client;
        _deadLetters = deadLetters;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _backoff = backoff ?? ExponentialBackoff.Default;
    }

    /// <summary>Longest Retry-After honoured; a larger one is capped so a misconfigured proxy cannot park the gateway for days.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>At least this long between attempts after 401/403/404: a person has to fix something first.</summary>
    public TimeSpan RefusedRetryDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Answers 401/403/404 so far: the alarm counter.</summary>
    public long Refusals => Interlocked.Read(ref _refusals);

    /// <summary>Attempts that will be retried (network errors, 429, 5xx).</summary>
    public long Retries => Interlocked.Read(ref _retries);

    public long Requests => Interlocked.Read(ref _requests);

    /// <summary>The last failure, for /api/status; null after a success.</summary>
    public string? LastError { get; private set; }

    /// <summary>Sends <paramref name="batch"/>; returns how many of its lines went to the dead-letter file.</summary>
    public async Task<int> SendAsync(SpoolBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var deadLettered = 0;
        _pending.Clear();
        _pending.Push((0, batch.Count));
        while (_pending.TryPop(out var range))
        {
            while (true)
            {
                Interlocked.Increment(ref _requests);
                var outcome = await _client.WriteAsync(batch.Slice(range.Start, range.Count), cancellationToken).ConfigureAwait(false);
                if (outcome.Kind == WriteOutcomeKind.Accepted)
                {
                    if (_backoff.Failures > 0)
                    {
                        Log.WriteRecovered(_logger, _backoff.Failures);
                    }

                    _backoff.Reset();
                    LastError = null;
                    break;
                }

                if (outcome.Kind is WriteOutcomeKind.Rejected or WriteOutcomeKind.TooLarge)
                {
                    if (range.Count == 1)
                    {
                        _deadLetters.Write(batch.Line(range.Start).Span, outcome.Status, outcome.Message);
                        Log.DeadLettered(_logger, outcome.Status, outcome.Message);
                        deadLettered++;
                    }
                    else
                    {
                        // v1 may have stored the lines before the bad one; resending them overwrites (same timestamps).
                        var half = range.Count / 2;
                        _pending.Push((range.Start + half, range.Count - half));
                        _pending.Push((range.Start, half));
                    }

                    break;
                }

                LastError = outcome.Status == 0 ? outcome.Message : $"HTTP {outcome.Status}: {outcome.Message}";
                TimeSpan delay;
                if (outcome.Kind == WriteOutcomeKind.Refused)
                {
                    Interlocked.Increment(ref _refusals);
                    delay = Max(_backoff.NextDelay(), RefusedRetryDelay);
                    Log.WriteRefused(_logger, outcome.Status, outcome.Message, delay.TotalSeconds);
                }
                else
                {
                    Interlocked.Increment(ref _retries);
                    var backoff = _backoff.NextDelay();
                    delay = outcome.RetryAfter is { } after ? Min(after, MaxRetryAfter) : backoff;
                    Log.WriteRetry(_logger, LastError, delay.TotalSeconds);
                }

                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }

        return deadLettered;
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
