using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class PvTests
{
    private static double ClearSky(TimeSpan timeOfDay)
    {
        var x = (timeOfDay.TotalHours - 6) / 12;
        if (x is < 0 or >= 1)
        {
            return 0;
        }

        var s = Math.Sin(Math.PI * x);
        return s * s;
    }

    [Fact]
    public async Task Pv_is_zero_at_night_and_peaks_at_solar_noon_at_most_the_peak()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(cloudiness: 0, peakWatts: 8000));
        var best = (Power: Power.Zero, At: TimeSpan.Zero);
        for (var minute = 1; minute <= 24 * 60; minute++)
        {
            h.Step(TimeSpan.FromMinutes(1));
            var timeOfDay = h.Site.LocalTime.TimeOfDay;
            var pv = h.Site.PvPower;
            Assert.InRange(pv.Watts, 0, 8000);
            if (timeOfDay < TimeSpan.FromHours(6) || timeOfDay >= TimeSpan.FromHours(18))
            {
                Assert.Equal(Power.Zero, pv);
            }

            if (pv > best.Power)
            {
                best = (pv, timeOfDay);
            }

            if (minute == 12 * 60)
            {
                var meter = await h.Meter("pv");
                Assert.Equal(-pv.Watts, meter.Power.Watts, 6);
                Assert.Equal(3, meter.PhaseCurrents.Count);
                Assert.All(meter.PhaseCurrents, c => Assert.Equal(-pv.Watts / 3 / 230, c.Amperes, 6));
            }
        }

        Assert.Equal(TimeSpan.FromHours(12), best.At);
        Assert.Equal(8000, best.Power.Watts, 3);
    }

    [Fact]
    public void Heavy_clouds_swing_between_30_and_100_percent_of_clear_sky_within_minutes()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(cloudiness: 1, peakWatts: 10_000), Harness.Day.AddHours(10));
        var ratios = new List<double>();
        for (var i = 0; i < 4 * 360; i++)
        {
            h.Step(TimeSpan.FromSeconds(10));
            ratios.Add(h.Site.PvPower.Watts / (10_000 * ClearSky(h.Site.LocalTime.TimeOfDay)));
        }

        Assert.All(ratios, r => Assert.InRange(r, 0.3 - 1e-9, 1 + 1e-9));
        Assert.True(ratios.Min() < 0.45, $"deepest shade {ratios.Min():P0}");
        Assert.True(ratios.Max() > 0.9, $"brightest {ratios.Max():P0}");

        // Fast: within some five-minute window the output changes by more than a quarter of clear sky.
        var biggestSwing = Enumerable.Range(0, ratios.Count - 30).Max(i => ratios.Skip(i).Take(30).Max() - ratios.Skip(i).Take(30).Min());
        Assert.True(biggestSwing > 0.25, $"largest five-minute swing {biggestSwing:P0}");
    }

    [Fact]
    public void Thin_clouds_only_dim_a_little()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(cloudiness: 0.2, peakWatts: 10_000), Harness.Day.AddHours(9));
        for (var i = 0; i < 6 * 60; i++)
        {
            h.Step(TimeSpan.FromMinutes(1));
            var ratio = h.Site.PvPower.Watts / (10_000 * ClearSky(h.Site.LocalTime.TimeOfDay));
            Assert.InRange(ratio, 0.8, 1 + 1e-9);
        }
    }

    [Fact]
    public void Pv_follows_the_sites_local_clock()
    {
        var tokyo = TimeZoneInfo.CreateCustomTimeZone("Test/Tokyo", TimeSpan.FromHours(9), "Test Tokyo", "Test Tokyo");
        var h = new Harness(SimSites.Site(timeZone: tokyo), SimSites.Settings(cloudiness: 0), Harness.Day.AddHours(3));

        Assert.Equal(new DateTime(2026, 6, 1, 12, 0, 0), h.Site.LocalTime);
        Assert.Equal(8000, h.Site.PvPower.Watts, 3);

        h.Step(TimeSpan.FromHours(12)); // 15:00 UTC = midnight in Tokyo
        Assert.Equal(Power.Zero, h.Site.PvPower);
    }

    [Fact]
    public void Start_time_shifts_the_simulated_clock_to_that_time_of_day()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(startTime: new TimeOnly(12, 0)), Harness.Day.AddHours(3).AddMinutes(17));

        Assert.Equal(new DateTime(2026, 6, 1, 12, 0, 0), h.Site.LocalTime);
        Assert.Equal(8000, h.Site.PvPower.Watts, 3);
        h.Step(TimeSpan.FromMinutes(30));
        Assert.Equal(new DateTime(2026, 6, 1, 12, 30, 0), h.Site.LocalTime);
    }
}
