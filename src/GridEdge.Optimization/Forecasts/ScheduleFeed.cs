namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// A feed that fetches a schedule itself (a file, a URL) and hands it to its target, again and again:
/// <see cref="RefreshAsync"/> once, <see cref="RunAsync"/> until cancelled, waiting what
/// <see cref="WaitAfter"/> says between fetches (on the injected clock).
/// </summary>
public abstract class ScheduleFeed(TimeProvider time)
{
    private long _nextAttemptTicks;

    protected TimeProvider Time { get; } = time;

    /// <summary>When the running feed fetches next (its wait has started); null before the first wait.</summary>
    public DateTimeOffset? NextAttempt
    {
        get
        {
            var ticks = Interlocked.Read(ref _nextAttemptTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>One fetch now; true when the target holds what the origin has.</summary>
    public abstract Task<bool> RefreshAsync(CancellationToken cancellationToken);

    /// <summary>Fetches, waits, fetches… until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var wait = WaitAfter(await RefreshAsync(cancellationToken));
                // The timer starts before NextAttempt is published, so whoever sees the new value
                // (a test advancing fake time) cannot advance the clock past a wait not yet begun.
                var delay = Task.Delay(wait, Time, cancellationToken);
                Interlocked.Exchange(ref _nextAttemptTicks, (Time.GetUtcNow() + wait).UtcTicks);
                await delay;
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    /// <summary>How long to wait after a fetch that <paramref name="succeeded"/> (or not).</summary>
    protected abstract TimeSpan WaitAfter(bool succeeded);
}
