namespace GridEdge.Optimization.Scenarios;

/// <summary>Count and nearest-rank percentiles of re-plan times in milliseconds.</summary>
public sealed record SolveTimeSummary(int Count, double P50Ms, double P95Ms, double MaxMs)
{
    public static SolveTimeSummary Of(IReadOnlyList<TimeSpan> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0)
        {
            return new SolveTimeSummary(0, 0, 0, 0);
        }

        var sorted = times.Select(t => t.TotalMilliseconds).Order().ToArray();
        return new SolveTimeSummary(sorted.Length, Percentile(sorted, 0.50), Percentile(sorted, 0.95), sorted[^1]);
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    public static double Percentile(double[] sorted, double fraction)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        var rank = (int)Math.Ceiling(fraction * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
