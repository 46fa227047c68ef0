using GridEdge.Optimization.Forecasts;

namespace GridEdge.Host.Planning;

/// <summary>
/// How far the house ran above the load the plans expected, over the last day: the 90th percentile of
/// (measured − expected) per slot, 0 before 8 slots are known. Each slot is compared with the load the
/// plan made at its start expected for it. The planner keeps that much import free where a spike would
/// otherwise cost a car its target or raise the demand charge (<c>PlanningRequest.LoadSurpriseKw</c>).
/// Bounded to one day of slots.
/// </summary>
internal sealed class LoadSurprise
{
    private const int MinimumSlots = 8;
    private readonly SortedDictionary<DateTimeOffset, double> _expected = [];

    /// <summary>Records what the plan made at <paramref name="start"/> expects the house to draw in that slot.</summary>
    public void Expect(DateTimeOffset start, double loadKw)
    {
        _expected[start] = loadKw;
        var oldest = start - TimeSpan.FromDays(1);
        while (_expected.Count > 0 && _expected.First().Key < oldest)
        {
            _expected.Remove(_expected.First().Key);
        }
    }

    /// <summary>The surprise so far, from the measured slot averages in <paramref name="measured"/>.</summary>
    public double Kw(IReadOnlyList<Sample> measured)
    {
        var above = new List<double>(_expected.Count);
        foreach (var sample in measured)
        {
            if (_expected.TryGetValue(sample.Start, out var expected))
            {
                above.Add(Math.Max(0, sample.Value - expected));
            }
        }

        if (above.Count < MinimumSlots)
        {
            return 0;
        }

        above.Sort();
        return above[(int)Math.Floor(0.9 * (above.Count - 1))];
    }
}
