namespace GridEdge.Telemetry.Writer;

/// <summary>
/// Retry delays that double from <see cref="Initial"/> up to <see cref="Max"/>, each scaled by a
/// random factor in [0.5, 1] so that many gateways recovering from the same outage do not return
/// in lock-step.
/// </summary>
public sealed class ExponentialBackoff(TimeSpan initial, TimeSpan max, Random? random = null)
{
    private readonly Random _random = random ?? Random.Shared;

    public static ExponentialBackoff Default => new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));

    public TimeSpan Initial { get; } = initial;

    public TimeSpan Max { get; } = max;

    /// <summary>Failed attempts since the last success.</summary>
    public int Failures { get; private set; }

    public TimeSpan NextDelay()
    {
        var exponent = Math.Min(Failures, 30);
        Failures++;
        var ceiling = Math.Min(Max.TotalMilliseconds, Initial.TotalMilliseconds * Math.Pow(2, exponent));
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (0.5 * _random.NextDouble())));
    }

    public void Reset() => Failures = 0;
}
