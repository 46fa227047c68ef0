namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// Relative clear-sky PV output (0..1) of a site: the sine of the sun's elevation (Cooper's declination,
/// hour angle from local mean solar time, no equation of time), raised to 1.15 for the longer air path
/// near the horizon. Only its shape matters: the history forecaster scales it by the measured days.
/// </summary>
public sealed record ClearSky(double LatitudeDegrees, double LongitudeDegrees)
{
    /// <summary>Sine of the solar elevation at <paramref name="time"/> (negative at night).</summary>
    public double SinElevation(DateTimeOffset time)
    {
        var utc = time.UtcDateTime;
        var declination = 23.45 * Math.Sin(2 * Math.PI * (284 + utc.DayOfYear) / 365.0);
        var solarHours = utc.TimeOfDay.TotalHours + (LongitudeDegrees / 15.0);
        var hourAngle = 15.0 * (solarHours - 12);
        var lat = Radians(LatitudeDegrees);
        var dec = Radians(declination);
        return (Math.Sin(lat) * Math.Sin(dec)) + (Math.Cos(lat) * Math.Cos(dec) * Math.Cos(Radians(hourAngle)));
    }

    /// <summary>Relative output averaged over the slot from <paramref name="start"/> (five-point midpoint rule).</summary>
    public double Relative(DateTimeOffset start, TimeSpan slot)
    {
        const int Points = 5;
        var sum = 0.0;
        for (var i = 0; i < Points; i++)
        {
            var s = SinElevation(start + (slot * ((i + 0.5) / Points)));
            sum += s > 0 ? Math.Pow(s, 1.15) : 0;
        }

        return sum / Points;
    }

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
