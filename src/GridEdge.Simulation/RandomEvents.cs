namespace GridEdge.Simulation;

/// <summary>
/// Events that start at random (a Poisson process of a given rate per hour) and last a random
/// time between a minimum and a maximum. Time is cut into one-minute slots whose events are
/// derived from the seed alone, so the events active at any instant can be listed without
/// replaying the past.
/// </summary>
internal sealed class RandomEvents
{
    private const double SlotSeconds = 60;
    private const int MaxPerSlot = 6;

    private readonly SeededHash _hash;
    private readonly int _stream;
    private readonly double[] _cumulative;
    private readonly double _minSeconds;
    private readonly double _spreadSeconds;
    private readonly int _slotsBack;

    public RandomEvents(SeededHash hash, int stream, double perHour, TimeSpan minDuration, TimeSpan maxDuration)
    {
        _hash = hash;
        _stream = stream;
        _minSeconds = minDuration.TotalSeconds;
        _spreadSeconds = Math.Max(0, maxDuration.TotalSeconds - _minSeconds);
        _slotsBack = (int)Math.Ceiling(maxDuration.TotalSeconds / SlotSeconds);

        // P(N <= k) of a Poisson count per slot; an empty table means no events at all.
        var lambda = Math.Max(0, perHour) * SlotSeconds / 3600.0;
        _cumulative = new double[lambda > 0 ? MaxPerSlot : 0];
        var term = Math.Exp(-lambda);
        var sum = 0.0;
        for (var k = 0; k < _cumulative.Length; k++)
        {
            sum += term;
            _cumulative[k] = sum;
            term *= lambda / (k + 1);
        }
    }

    /// <summary>Size a buffer for <see cref="Active"/> must have.</summary>
    public int Capacity => (_slotsBack + 1) * MaxPerSlot;

    /// <summary>Writes the events active at <paramref name="seconds"/> into <paramref name="into"/> and returns how many there are.</summary>
    public int Active(double seconds, Span<RandomEvent> into)
    {
        if (_cumulative.Length == 0)
        {
            return 0;
        }

        var count = 0;
        var slot = (long)Math.Floor(seconds / SlotSeconds);
        for (var s = slot - _slotsBack; s <= slot; s++)
        {
            var n = CountIn(s);
            for (var j = 0; j < n; j++)
            {
                var start = (s + _hash.Uniform(_stream, s, 1 + (3 * j))) * SlotSeconds;
                var duration = _minSeconds + (_spreadSeconds * _hash.Uniform(_stream, s, 2 + (3 * j)));
                if (seconds >= start && seconds < start + duration)
                {
                    into[count++] = new RandomEvent(start, duration, _hash.Uniform(_stream, s, 3 + (3 * j)));
                }
            }
        }

        return count;
    }

    private int CountIn(long slot)
    {
        var u = _hash.Uniform(_stream, slot);
        var n = 0;
        while (n < _cumulative.Length && u >= _cumulative[n])
        {
            n++;
        }

        return n;
    }
}
