namespace GridEdge.Simulation;

/// <summary>
/// The share of clear-sky irradiance that reaches the panels: a smooth random walk between knots
/// a few minutes apart, plus occasional quick drops when a dense cloud passes. Cloudiness 0 is
/// always clear (factor 1); cloudiness 1 swings between about 30 % and 100 % within minutes.
/// </summary>
internal sealed class CloudCover
{
    private const int KnotStream = 1;
    private const int DropStream = 2;
    private const double DeepestCover = 0.7;
    private const double DropEdgeSeconds = 5;

    private readonly double _cloudiness;
    private readonly SeededHash _hash;
    private readonly double _knotSeconds;
    private readonly RandomEvents _drops;

    public CloudCover(double cloudiness, SeededHash hash)
    {
        _cloudiness = Math.Clamp(cloudiness, 0, 1);
        _hash = hash;
        // Thin cover drifts over ten minutes, heavy cover changes every three.
        _knotSeconds = 600 - (420 * _cloudiness);
        _drops = new RandomEvents(hash, DropStream, 6 * _cloudiness, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120));
    }

    /// <summary>Factor 0–1 applied to clear-sky output at <paramref name="seconds"/> since the Unix epoch.</summary>
    public double Factor(double seconds)
    {
        if (_cloudiness <= 0)
        {
            return 1;
        }

        var position = seconds / _knotSeconds;
        var knot = Math.Floor(position);
        var a = _hash.Uniform(KnotStream, (long)knot);
        var b = _hash.Uniform(KnotStream, (long)knot + 1);
        var blend = (1 - Math.Cos(Math.PI * (position - knot))) / 2;
        var cover = a + ((b - a) * blend);
        var factor = 1 - (DeepestCover * _cloudiness * cover);

        Span<RandomEvent> drops = stackalloc RandomEvent[_drops.Capacity];
        var count = _drops.Active(seconds, drops);
        foreach (var drop in drops[..count])
        {
            var level = 1 - (_cloudiness * (0.5 + (0.2 * drop.Magnitude)));
            var dropped = 1 - (drop.Envelope(seconds, DropEdgeSeconds) * (1 - level));
            factor = Math.Min(factor, dropped);
        }

        return Math.Clamp(factor, 0, 1);
    }
}
