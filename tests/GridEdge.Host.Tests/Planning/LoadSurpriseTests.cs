using GridEdge.Host.Planning;
using GridEdge.Optimization.Forecasts;
using Xunit;

namespace GridEdge.Host.Tests.Planning;

public sealed class LoadSurpriseTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 24, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);

    [Fact]
    public void It_is_the_90th_percentile_of_how_far_the_house_ran_above_the_plan()
    {
        // Ten half hours expected at 1 kW; the house ran 0, 0.1, … 0.9 kW above (and one below, which counts as 0).
        var surprise = new LoadSurprise();
        var measured = new List<Sample>();
        for (var i = 0; i < 10; i++)
        {
            var start = Midnight + (HalfHour * i);
            surprise.Expect(start, 1);
            measured.Add(new Sample(start, 1 + (0.1 * i)));
        }

        surprise.Expect(Midnight + (HalfHour * 10), 1);
        measured.Add(new Sample(Midnight + (HalfHour * 10), 0.5));

        // 11 slots: 0, 0, 0.1 … 0.9 → the 90th percentile (index 9 of 0..10) is 0.8.
        Assert.Equal(0.8, surprise.Kw(measured), 9);
    }

    [Fact]
    public void It_is_zero_until_eight_slots_are_known_and_forgets_after_a_day()
    {
        var surprise = new LoadSurprise();
        var measured = new List<Sample>();
        for (var i = 0; i < 7; i++)
        {
            surprise.Expect(Midnight + (HalfHour * i), 0);
            measured.Add(new Sample(Midnight + (HalfHour * i), 2));
        }

        Assert.Equal(0, surprise.Kw(measured));

        surprise.Expect(Midnight + (HalfHour * 7), 0);
        measured.Add(new Sample(Midnight + (HalfHour * 7), 2));
        Assert.Equal(2, surprise.Kw(measured), 9);

        // A day and a half later only the new expectation is kept: too few slots again.
        surprise.Expect(Midnight + TimeSpan.FromHours(36), 0);
        Assert.Equal(0, surprise.Kw(measured));
    }
}
