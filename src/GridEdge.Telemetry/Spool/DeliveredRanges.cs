namespace GridEdge.Telemetry.Spool;

/// <summary>
/// Sequence ranges above the acknowledged position that the server already took (newest lines sent
/// ahead of a backlog), ascending and disjoint. Kept in memory only: after a crash they are sent
/// again, which overwrites the same points (same series and timestamp) — nothing is lost, nothing
/// stored twice. The persisted position stays a plain low-water mark.
/// </summary>
internal sealed class DeliveredRanges
{
    private readonly List<(long From, long To)> _ranges = [];

    public int Count => _ranges.Count;

    public void Add(long from, long to)
    {
        if (to < from)
        {
            return;
        }

        var index = _ranges.FindIndex(r => r.To >= from - 1);
        if (index < 0)
        {
            _ranges.Add((from, to));
            return;
        }

        // Merge with every range it touches or overlaps.
        var merged = (From: from, To: to);
        while (index < _ranges.Count && _ranges[index].From <= merged.To + 1)
        {
            merged = (Math.Min(merged.From, _ranges[index].From), Math.Max(merged.To, _ranges[index].To));
            _ranges.RemoveAt(index);
        }

        _ranges.Insert(index, merged);
    }

    /// <summary>The first sequence after <paramref name="sequence"/>'s delivered range, or <paramref name="sequence"/> itself when it is not delivered.</summary>
    public long SkipFrom(long sequence)
    {
        foreach (var (from, to) in _ranges)
        {
            if (from > sequence)
            {
                break;
            }

            if (to >= sequence)
            {
                return to + 1;
            }
        }

        return sequence;
    }

    /// <summary>How many sequences in [<paramref name="from"/>, <paramref name="to"/>] are delivered.</summary>
    public long CountIn(long from, long to)
    {
        long count = 0;
        foreach (var range in _ranges)
        {
            var overlap = Math.Min(to, range.To) - Math.Max(from, range.From) + 1;
            count += Math.Max(0, overlap);
        }

        return count;
    }

    /// <summary>
    /// Moves the low-water mark: ranges at or below <paramref name="acknowledged"/> + 1 are folded into
    /// it and forgotten. Returns the new acknowledged position.
    /// </summary>
    public long Advance(long acknowledged)
    {
        while (_ranges.Count > 0 && _ranges[0].From <= acknowledged + 1)
        {
            acknowledged = Math.Max(acknowledged, _ranges[0].To);
            _ranges.RemoveAt(0);
        }

        return acknowledged;
    }

    public void Clear() => _ranges.Clear();
}
