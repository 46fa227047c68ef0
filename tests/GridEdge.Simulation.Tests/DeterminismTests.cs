using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class DeterminismTests
{
    private static readonly SimulatedHouseSettings Busy = new() { SpikesPerHour = 3 };

    private static List<(double Pv, double House)> Day(int seed, TimeSpan step)
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(seed: seed, cloudiness: 0.8, house: Busy));
        var samples = new List<(double, double)>();
        var perMinute = (int)(TimeSpan.FromMinutes(1) / step);
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            h.Step(step, perMinute);
            samples.Add((h.Site.PvPower.Watts, h.Site.HousePower.Watts));
        }

        return samples;
    }

    [Fact]
    public void The_same_seed_gives_the_same_day()
    {
        Assert.Equal(Day(7, TimeSpan.FromMinutes(1)), Day(7, TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_different_seed_gives_a_different_day()
    {
        var a = Day(7, TimeSpan.FromMinutes(1));
        var b = Day(8, TimeSpan.FromMinutes(1));
        Assert.NotEqual(a.Select(s => s.Pv), b.Select(s => s.Pv));
        Assert.NotEqual(a.Select(s => s.House), b.Select(s => s.House));
    }

    [Fact]
    public void The_day_does_not_depend_on_how_often_the_site_is_advanced()
    {
        Assert.Equal(Day(3, TimeSpan.FromMinutes(1)), Day(3, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_long_jump_integrates_like_many_small_steps()
    {
        var small = new Harness(SimSites.Site(), SimSites.Settings(cloudiness: 0.5, house: Busy));
        var big = new Harness(SimSites.Site(), SimSites.Settings(cloudiness: 0.5, house: Busy));
        small.Seconds(6 * 3600 + 1800);
        big.Step(TimeSpan.FromSeconds(6 * 3600 + 1800));

        Assert.Equal(small.Site.Totals.PvGeneration.WattHours, big.Site.Totals.PvGeneration.WattHours, 6);
        Assert.Equal(small.Site.Totals.HouseConsumption.WattHours, big.Site.Totals.HouseConsumption.WattHours, 6);
        Assert.Equal(small.Site.GridPower, big.Site.GridPower);
        Assert.Equal(TimeSpan.FromHours(6.5), big.Site.Totals.Elapsed);
        Assert.True(big.Site.Totals.PvGeneration > Energy.Zero);
    }
}
