namespace GridEdge.Host.Runtime;

/// <summary>
/// A clock that only moves when told to: `gridedge run --fast` steps simulated time as fast as the
/// machine can compute it. It has no timers; the fast loop drives everything itself.
/// </summary>
internal sealed class SteppedTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan step) => _now += step;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        throw new NotSupportedException("stepped time has no timers: the fast run loop drives every component itself");
}
