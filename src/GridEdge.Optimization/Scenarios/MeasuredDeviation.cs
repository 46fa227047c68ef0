namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Carries what was measured before the current slot into the forecast ahead, as a real gateway
/// would (it knows the finished slots' actual PV and load, never the current one's). Two parts:
/// the day's bias — a day forecast sunny that comes overcast stays overcast, so today's measured
/// PV energy over its forecast scales the rest of today — and the last slot's deviation from that
/// bias, fading geometrically because clouds and occupancy correlate from one slot to the next but
/// not for long. House load likewise: today's measured energy over its forecast scales the rest of
/// today. Later days keep their forecast: a day-ahead forecast is about them, not about today.
/// </summary>
internal static class MeasuredDeviation
{
    /// <summary>Share of the last deviation kept per slot ahead (lag-1 correlation of the public scenarios' errors is 0.5–0.8).</summary>
    public const double PvPersistence = 0.7;

    /// <inheritdoc cref="PvPersistence"/>
    public const double LoadPersistence = 0.5;

    /// <summary>The PV ratio is only trusted when the forecast was at least this share of the PV peak (not at dawn).</summary>
    private const double MinimumPvShare = 0.05;

    /// <summary>
    /// The day's PV bias starts from the forecast as if this many hours at the forecast peak had matched it,
    /// so the first measured slots of the morning move it only a little.
    /// </summary>
    private const double PvPriorHours = 0.5;

    /// <summary>
    /// The day's load bias starts from the forecast as if this many hours of average load had matched it:
    /// appliance spikes make single slots a poor guide, a morning's worth is a good one.
    /// </summary>
    private const double LoadPriorHours = 4.0;

    /// <summary>PV expected in slot <paramref name="t"/> when planning at <paramref name="now"/>.</summary>
    public static double Pv(Scenario scenario, int now, int t)
    {
        var series = scenario.Series;
        var forecast = series.PvForecastKw[t];
        if (now == 0 || forecast <= 0)
        {
            return forecast;
        }

        var peak = series.PvForecastKw.Max();
        var day = DayBias(scenario, now, peak);
        if (Day(scenario, t) != Day(scenario, now))
        {
            return forecast;
        }

        var last = series.PvForecastKw[now - 1];
        if (last < MinimumPvShare * peak || Day(scenario, now - 1) != Day(scenario, now))
        {
            return forecast * day;
        }

        var ratio = Math.Clamp(series.PvActualKw[now - 1] / last, 0, 2);
        return forecast * (day + ((ratio - day) * Math.Pow(PvPersistence, t - now + 1)));
    }

    /// <summary>House load expected in slot <paramref name="t"/> when planning at <paramref name="now"/>.</summary>
    public static double Load(Scenario scenario, int now, int t)
    {
        var series = scenario.Series;
        var forecast = series.LoadForecastKw[t];
        if (now == 0)
        {
            return forecast;
        }

        var bias = LoadBias(scenario, now);
        var offset = series.LoadActualKw[now - 1] - (series.LoadForecastKw[now - 1] * bias);
        var scaled = Day(scenario, t) == Day(scenario, now) ? forecast * bias : forecast;
        return Math.Max(0, scaled + (offset * Math.Pow(LoadPersistence, t - now + 1)));
    }

    /// <summary>
    /// How far the house has run above its forecast in the last day's slots (90th percentile, 0 before
    /// 8 slots are known): the room a plan keeps below the billed peak and the import limit for spikes.
    /// </summary>
    public static double LoadSurpriseKw(Scenario scenario, int now)
    {
        var series = scenario.Series;
        var from = Math.Max(0, now - (int)(TimeSpan.FromDays(1) / scenario.SlotLength));
        if (now - from < 8)
        {
            return 0;
        }

        var above = Enumerable.Range(from, now - from).Select(t => Math.Max(0, series.LoadActualKw[t] - series.LoadForecastKw[t])).Order().ToArray();
        return above[(int)Math.Floor(0.9 * (above.Length - 1))];
    }

    /// <summary>Today's measured PV energy over its forecast (slots before <paramref name="now"/>, not at dawn), shrunk towards 1.</summary>
    private static double DayBias(Scenario scenario, int now, double peak)
    {
        var series = scenario.Series;
        var (actual, forecast) = Today(scenario, now, series.PvActualKw, series.PvForecastKw, peak * PvPriorHours / scenario.SlotHours, MinimumPvShare * peak);
        return forecast > 0 ? Math.Clamp(actual / forecast, 0, 2) : 1;
    }

    /// <summary>Today's measured house energy over its forecast (slots before <paramref name="now"/>), shrunk towards 1.</summary>
    private static double LoadBias(Scenario scenario, int now)
    {
        var series = scenario.Series;
        var (actual, forecast) = Today(scenario, now, series.LoadActualKw, series.LoadForecastKw, series.LoadForecastKw.Average() * LoadPriorHours / scenario.SlotHours, double.NegativeInfinity);
        return Math.Clamp(actual / forecast, 0.5, 2);
    }

    /// <summary>
    /// Sums of today's slots before <paramref name="now"/> whose forecast is at least <paramref name="minimumForecast"/>,
    /// each starting from <paramref name="prior"/> (as if that much had matched the forecast).
    /// </summary>
    private static (double Actual, double Forecast) Today(Scenario scenario, int now, double[] actualKw, double[] forecastKw, double prior, double minimumForecast)
    {
        var today = Day(scenario, now);
        double actual = prior, forecast = prior;
        for (var s = now - 1; s >= 0 && Day(scenario, s) == today; s--)
        {
            if (forecastKw[s] >= minimumForecast)
            {
                actual += actualKw[s];
                forecast += forecastKw[s];
            }
        }

        return (actual, forecast);
    }

    /// <summary>The local calendar day of a slot's start, on the scenario's clock.</summary>
    private static DateTime Day(Scenario scenario, int slot) => (scenario.Start + (scenario.SlotLength * slot)).DateTime.Date;
}
