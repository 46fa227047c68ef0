namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// PV and house load ahead from what the site measured on the last days. Load: the same time of day on
/// the last <see cref="Days"/> days, yesterday weighted most (each older day × <see cref="Decay"/>).
/// PV: the clear-sky curve times the recent days' clearness (measured PV energy over clear-sky energy,
/// blended the same way) times the peak the site reached relative to clear sky, so no kWp has to be known.
/// Missing slots are skipped. Without a whole past day of PV, a site whose peak is known
/// (<see cref="PeakKw"/>) is forecast at <see cref="PriorClearness"/> of its clear-sky output rather than at
/// nothing, so a new gateway does not plan its first sunny day as dark (and buy grid energy to store it).
/// </summary>
public sealed class HistoryForecaster(ClearSky clearSky)
{
    /// <summary>The PV's rated peak in kW (the site's <c>pv.peak_w</c>); 0 = unknown.</summary>
    public double PeakKw { get; init; }

    /// <summary>Clearness assumed before a whole day was measured: an average day, neither clear nor overcast.</summary>
    public double PriorClearness { get; init; } = 0.5;

    public int Days { get; init; } = 7;

    public double Decay { get; init; } = 0.6;

    /// <summary>House load per slot of <paramref name="count"/> slots from <paramref name="start"/>.</summary>
    public double[] Load(IReadOnlyList<Sample> history, DateTimeOffset start, TimeSpan slot, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        var byStart = ByStart(history);
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            var at = start + (slot * i);
            var (sum, weights) = (0.0, 0.0);
            var weight = 1.0;
            for (var d = 1; d <= Days; d++, weight *= Decay)
            {
                if (byStart.TryGetValue(at.AddDays(-d).UtcTicks, out var value))
                {
                    sum += weight * value;
                    weights += weight;
                }
            }

            result[i] = weights > 0 ? sum / weights : 0;
        }

        return result;
    }

    /// <summary>PV per slot of <paramref name="count"/> slots from <paramref name="start"/>.</summary>
    public double[] Pv(IReadOnlyList<Sample> history, DateTimeOffset start, TimeSpan slot, int count)
    {
        ArgumentNullException.ThrowIfNull(history);
        // kW at full clear sky: the history's best ratio of measured to clear-sky output (sunny slots only).
        var scale = history.Where(s => clearSky.Relative(s.Start, slot) > 0.2).Select(s => s.Value / clearSky.Relative(s.Start, slot)).DefaultIfEmpty(0).Max();
        var (sum, weights) = (0.0, 0.0);
        var weight = 1.0;
        for (var d = 1; d <= Days; d++, weight *= Decay)
        {
            var midnight = new DateTimeOffset(start.Date, start.Offset).AddDays(-d);
            var samples = history.Where(s => s.Start >= midnight && s.Start < midnight.AddDays(1)).ToList();
            var clear = samples.Sum(s => clearSky.Relative(s.Start, slot));
            if (samples.Count > 0 && clear > 0 && scale > 0)
            {
                sum += weight * (samples.Sum(s => s.Value) / (scale * clear));
                weights += weight;
            }
        }

        if (weights == 0 && PeakKw > 0)
        {
            (scale, sum, weights) = (Math.Max(scale, PeakKw), PriorClearness, 1);
        }

        var clearness = weights > 0 ? Math.Clamp(sum / weights, 0, 1) : 0;
        var result = new double[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = scale * clearness * clearSky.Relative(start + (slot * i), slot);
        }

        return result;
    }

    private static Dictionary<long, double> ByStart(IReadOnlyList<Sample> history)
    {
        var map = new Dictionary<long, double>();
        foreach (var s in history)
        {
            map[s.Start.UtcTicks] = s.Value;
        }

        return map;
    }
}
