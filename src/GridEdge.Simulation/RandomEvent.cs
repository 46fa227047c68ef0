namespace GridEdge.Simulation;

/// <summary>One occurrence of a random process: when it started (seconds since the Unix epoch), how long it lasts, and a uniform magnitude in [0, 1).</summary>
internal readonly record struct RandomEvent(double Start, double Duration, double Magnitude)
{
    public double End => Start + Duration;

    /// <summary>0 at the edges, 1 inside, with linear ramps of <paramref name="edgeSeconds"/>.</summary>
    public double Envelope(double seconds, double edgeSeconds) =>
        Math.Clamp(Math.Min(seconds - Start, End - seconds) / edgeSeconds, 0, 1);
}
