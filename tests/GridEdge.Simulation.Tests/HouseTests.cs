using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;
using Xunit;

namespace GridEdge.Simulation.Tests;

public sealed class HouseTests
{
    private static readonly SimulatedHouseSettings PeaksOnly = new()
    {
        BaseLoad = new(400),
        PeakLoad = new(1500),
        SpikeLoad = Power.Zero,
        SpikesPerHour = 0,
    };

    [Fact]
    public void Morning_and_evening_peaks_rise_above_the_base_load()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(house: PeaksOnly));
        var load = new Dictionary<int, double>();
        for (var hour = 1; hour <= 24; hour++)
        {
            h.Step(TimeSpan.FromHours(1));
            load[h.Site.LocalTime.Hour] = h.Site.HousePower.Watts;
        }

        Assert.Equal(1900, load[7], 0);
        Assert.Equal(1900, load[19], 0);
        Assert.InRange(load[3], 400, 420);
        Assert.InRange(load[13], 400, 420);
        Assert.All(load.Values, w => Assert.InRange(w, 400, 1900 + 1e-6));
    }

    [Fact]
    public void Appliance_spikes_come_at_the_average_rate_and_last_two_to_ten_minutes()
    {
        var house = new SimulatedHouseSettings { BaseLoad = new(300), PeakLoad = Power.Zero, SpikeLoad = new(2000), SpikesPerHour = 2 };
        var h = new Harness(SimSites.Site(), SimSites.Settings(house: house));
        var starts = 0;
        var previous = 300.0;
        var run = 0;
        var runs = new List<int>();
        for (var second = 0; second < 86_400; second += 10)
        {
            h.Step(TimeSpan.FromSeconds(10));
            var watts = h.Site.HousePower.Watts;
            Assert.Equal(0, (watts - 300) % 2000, 6);
            if (watts > previous)
            {
                starts += (int)Math.Round((watts - previous) / 2000);
            }

            if (watts > 300)
            {
                run += 10;
            }
            else if (run > 0)
            {
                runs.Add(run);
                run = 0;
            }

            previous = watts;
        }

        Assert.InRange(starts, 25, 75); // 48 expected
        Assert.All(runs, seconds => Assert.True(seconds >= 110, $"a spike lasted only {seconds} s"));
        Assert.Contains(runs, seconds => seconds <= 600);
    }

    [Fact]
    public async Task House_load_is_split_unevenly_over_the_phases()
    {
        var h = new Harness(SimSites.Site(), SimSites.Settings(house: SimSites.QuietHouse));
        h.Step(TimeSpan.FromMinutes(1));

        var grid = await h.Meter("grid");
        var house = await h.Meter("house");
        Assert.Equal(300, grid.Power.Watts, 6);
        Assert.Equal([150 / 230.0, 90 / 230.0, 60 / 230.0], grid.PhaseCurrents.Select(c => c.Amperes), new Tolerance(1e-9));
        Assert.Equal(300, house.Power.Watts, 6);
        Assert.Equal(grid.PhaseCurrents, house.PhaseCurrents, new Tolerance(1e-9));
    }
}
