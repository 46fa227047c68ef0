using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation;

/// <summary>PV output: a sin² clear-sky bell between sunrise and sunset (top at the midpoint) times the cloud factor.</summary>
internal sealed class PvProfile(SimulatedPvSettings settings, SeededHash hash)
{
    private const double SecondsPerDay = 86_400;

    private readonly Power _peak = settings.Peak;
    private readonly CloudCover _clouds = new(settings.Cloudiness, hash);
    private readonly double _sunrise = settings.Sunrise.ToTimeSpan().TotalSeconds;
    private readonly double _dayLength = Wrap(settings.Sunset.ToTimeSpan().TotalSeconds - settings.Sunrise.ToTimeSpan().TotalSeconds);

    /// <summary>Generated power (positive) at local <paramref name="timeOfDay"/> and absolute <paramref name="seconds"/>.</summary>
    public Power At(TimeSpan timeOfDay, double seconds)
    {
        var clear = ClearSky(timeOfDay);
        return clear <= 0 ? Power.Zero : _peak * (clear * _clouds.Factor(seconds));
    }

    /// <summary>Share 0–1 of the peak a clear sky gives at local <paramref name="timeOfDay"/>.</summary>
    public double ClearSky(TimeSpan timeOfDay)
    {
        if (_dayLength <= 0)
        {
            return 0;
        }

        var sinceSunrise = Wrap(timeOfDay.TotalSeconds - _sunrise);
        if (sinceSunrise >= _dayLength)
        {
            return 0;
        }

        var s = Math.Sin(Math.PI * sinceSunrise / _dayLength);
        return s * s;
    }

    private static double Wrap(double seconds) => ((seconds % SecondsPerDay) + SecondsPerDay) % SecondsPerDay;
}
