using GridEdge.Optimization.Forecasts;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class ClearSkyTests
{
    // 22 March 2026 is day 81: Cooper's declination 23.45° · sin(2π · 365/365) = 0.
    private static readonly DateTimeOffset EquinoxNoonUtc = new(2026, 3, 22, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Sun_is_overhead_at_noon_on_the_equator_at_the_equinox() =>
        Assert.Equal(1, new ClearSky(0, 0).SinElevation(EquinoxNoonUtc), 1e-9);

    [Fact]
    public void At_60_degrees_north_the_noon_sun_stands_30_degrees_high() =>
        Assert.Equal(0.5, new ClearSky(60, 0).SinElevation(EquinoxNoonUtc), 1e-9);

    [Fact]
    public void Longitude_shifts_solar_noon_by_four_minutes_per_degree()
    {
        // 135° E: solar noon at 03:00 UTC = 12:00 JST.
        var jstNoon = new DateTimeOffset(2026, 3, 22, 12, 0, 0, TimeSpan.FromHours(9));
        Assert.Equal(1, new ClearSky(0, 135).SinElevation(jstNoon), 1e-9);
    }

    [Fact]
    public void Relative_output_is_zero_at_night_and_one_at_an_overhead_sun()
    {
        var sky = new ClearSky(0, 0);
        Assert.Equal(0, sky.Relative(EquinoxNoonUtc.AddHours(12), TimeSpan.FromMinutes(30)));
        Assert.Equal(1, sky.Relative(EquinoxNoonUtc.AddMinutes(-1), TimeSpan.FromMinutes(2)), 1e-4);
    }
}
