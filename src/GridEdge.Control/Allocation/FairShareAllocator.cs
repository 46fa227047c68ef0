namespace GridEdge.Control.Allocation;

/// <summary>
/// Max-min fair sharing of several resources (per-phase current, total power, PV surplus) by priority:
/// higher priorities are served first; within one priority everybody's share rises together
/// (progressive filling) until a consumer is satisfied or a resource it uses runs out.
/// Minimums are semi-continuous: a consumer gets 0 or at least its minimum. When a priority
/// level cannot give everybody their minimum, consumers are dropped one at a time — those not
/// yet running first, then the later ones in site order — and the level is shared again.
/// </summary>
public static class FairShareAllocator
{
    private const double Epsilon = 1e-9;

    /// <summary>
    /// Fills <paramref name="allocation"/> and returns the capacity left in each resource
    /// (negative where a resource was already overdrawn before anything was allocated).
    /// </summary>
    public static double[] Allocate(ReadOnlySpan<double> capacity, IReadOnlyList<ShareRequest> requests, Span<double> allocation)
    {
        if (allocation.Length != requests.Count)
        {
            throw new ArgumentException("allocation must have one slot per request", nameof(allocation));
        }

        var remaining = capacity.ToArray();
        allocation.Clear();
        var order = Enumerable.Range(0, requests.Count)
            .OrderByDescending(i => requests[i].Priority)
            .ThenBy(i => i)
            .ToArray();

        var start = 0;
        var level = new List<int>(requests.Count);
        while (start < order.Length)
        {
            var priority = requests[order[start]].Priority;
            level.Clear();
            while (start < order.Length && requests[order[start]].Priority == priority)
            {
                var index = order[start++];
                if (requests[index].Demand > Epsilon)
                {
                    level.Add(index);
                }
            }

            AllocateLevel(level, requests, remaining, allocation);
            foreach (var index in level)
            {
                var usage = requests[index].Usage;
                for (var r = 0; r < remaining.Length; r++)
                {
                    remaining[r] -= allocation[index] * usage[r];
                }
            }
        }

        return remaining;
    }

    /// <summary>How much more consumer <paramref name="request"/> could take alone from what is left.</summary>
    public static double Headroom(ShareRequest request, ReadOnlySpan<double> remaining)
    {
        var headroom = double.PositiveInfinity;
        for (var r = 0; r < remaining.Length; r++)
        {
            if (request.Usage[r] > Epsilon)
            {
                headroom = Math.Min(headroom, Math.Max(0, remaining[r]) / request.Usage[r]);
            }
        }

        return headroom;
    }

    private static void AllocateLevel(List<int> level, IReadOnlyList<ShareRequest> requests, double[] remaining, Span<double> allocation)
    {
        while (true)
        {
            Fill(level, requests, remaining, allocation);
            var drop = -1;
            foreach (var index in level)
            {
                if (allocation[index] + Epsilon < requests[index].Minimum && IsBetterToDrop(index, drop, requests))
                {
                    drop = index;
                }
            }

            if (drop < 0)
            {
                return;
            }

            allocation[drop] = 0;
            level.Remove(drop);
        }
    }

    private static bool IsBetterToDrop(int candidate, int current, IReadOnlyList<ShareRequest> requests)
    {
        if (current < 0)
        {
            return true;
        }

        if (requests[candidate].Running != requests[current].Running)
        {
            return !requests[candidate].Running;
        }

        return candidate > current;
    }

    /// <summary>Progressive filling: raise a common level for all unfrozen consumers until each is frozen.</summary>
    private static void Fill(List<int> level, IReadOnlyList<ShareRequest> requests, double[] remaining, Span<double> allocation)
    {
        Span<double> left = stackalloc double[remaining.Length];
        remaining.CopyTo(left);
        Span<bool> frozen = level.Count <= 256 ? stackalloc bool[level.Count] : new bool[level.Count];
        frozen.Clear();
        foreach (var index in level)
        {
            allocation[index] = 0;
        }

        var share = 0.0;
        var unfrozen = level.Count;
        // Each round freezes a consumer or exhausts a resource; the bound only guards against rounding.
        for (var round = 0; unfrozen > 0 && round <= level.Count + left.Length; round++)
        {
            var step = double.PositiveInfinity;
            for (var k = 0; k < level.Count; k++)
            {
                if (!frozen[k])
                {
                    step = Math.Min(step, requests[level[k]].Demand - share);
                }
            }

            for (var r = 0; r < left.Length; r++)
            {
                var rate = Rate(level, frozen, requests, r);
                if (rate > Epsilon)
                {
                    step = Math.Min(step, Math.Max(0, left[r]) / rate);
                }
            }

            step = Math.Max(0, step);
            share += step;
            for (var r = 0; r < left.Length; r++)
            {
                left[r] -= step * Rate(level, frozen, requests, r);
            }

            for (var k = 0; k < level.Count; k++)
            {
                if (frozen[k])
                {
                    continue;
                }

                var request = requests[level[k]];
                allocation[level[k]] = share;
                if (share >= request.Demand - Epsilon || UsesExhausted(request, left))
                {
                    frozen[k] = true;
                    unfrozen--;
                }
            }
        }
    }

    private static double Rate(List<int> level, ReadOnlySpan<bool> frozen, IReadOnlyList<ShareRequest> requests, int resource)
    {
        var rate = 0.0;
        for (var k = 0; k < level.Count; k++)
        {
            if (!frozen[k])
            {
                rate += requests[level[k]].Usage[resource];
            }
        }

        return rate;
    }

    private static bool UsesExhausted(ShareRequest request, ReadOnlySpan<double> left)
    {
        for (var r = 0; r < left.Length; r++)
        {
            if (request.Usage[r] > Epsilon && left[r] <= Epsilon * Math.Max(1, request.Usage[r]))
            {
                return true;
            }
        }

        return false;
    }
}
