namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Carries what was measured in the slot just finished into the forecast ahead, as a real gateway
/// would (it knows the last slot's actual PV and load, never the current one's): PV as a ratio to its
/// forecast, house load as an offset, both fading geometrically over the next slots because forecast
/// errors are strongly correlated from one slot to the next (clouds, occupancy) but not for long.
/// </summary>
internal static class MeasuredDeviation
{
    /// <summary>Share of the last deviation kept per slot ahead (lag-1 correlation of the public scenarios' errors is 0.5–0.8).</summary>
    public const double PvPersistence = 0.7;

    /// <inheritdoc cref="PvPersistence"/>
    public const double LoadPersistence = 0.5;

    /// <summary>The PV ratio is only trusted when the forecast was at least this share of the PV peak (not at dawn).</summary>
    private const double MinimumPvShare = 0.05;

    /// <summary>PV expected in slot <paramref name="t"/> when planning at <paramref name="now"/>.</summary>
    public static double Pv(ScenarioSeries series, int now, int t)
    {
        var forecast = series.PvForecastKw[t];
        if (now == 0 || forecast <= 0)
        {
            return forecast;
        }

        var last = series.PvForecastKw[now - 1];
        var peak = series.PvForecastKw.Max();
        if (last < MinimumPvShare * peak)
        {
            return forecast;
        }

        var ratio = Math.Clamp(series.PvActualKw[now - 1] / last, 0, 2);
        return forecast * (1 + ((ratio - 1) * Math.Pow(PvPersistence, t - now + 1)));
    }

    /// <summary>House load expected in slot <paramref name="t"/> when planning at <paramref name="now"/>.</summary>
    public static double Load(ScenarioSeries series, int now, int t)
    {
        var forecast = series.LoadForecastKw[t];
        if (now == 0)
        {
            return forecast;
        }

        var offset = series.LoadActualKw[now - 1] - series.LoadForecastKw[now - 1];
        return Math.Max(0, forecast + (offset * Math.Pow(LoadPersistence, t - now + 1)));
    }
}
