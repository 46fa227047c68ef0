using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

public sealed class MeasuredDeviationTests
{
    /// <summary>Two days of hourly slots from midnight: PV forecast 4 kW from 08:00 to 16:00, load forecast 1 kW.</summary>
    private static Scenario TwoDays(Func<int, double> pvActual, Func<int, double> loadActual)
    {
        const int slots = 48;
        double Pv(int t) => t % 24 is >= 8 and < 16 ? 4 : 0;
        var series = new ScenarioSeries(
            [.. Enumerable.Range(0, slots).Select(Pv)],
            [.. Enumerable.Range(0, slots).Select(pvActual)],
            [.. Enumerable.Repeat(1.0, slots)],
            [.. Enumerable.Range(0, slots).Select(loadActual)],
            [.. Enumerable.Repeat(0.3, slots)],
            [.. Enumerable.Repeat(0.1, slots)],
            [.. Enumerable.Repeat(400.0, slots)]);
        return new Scenario(
            "test", 60, slots, new DateTimeOffset(2026, 10, 5, 0, 0, 0, TimeSpan.FromHours(9)), "JPY",
            new GridTerms(10, 10), null, [], new Penalties(100, 0), series);
    }

    [Fact]
    public void An_overcast_morning_scales_the_rest_of_today_but_not_tomorrow()
    {
        // Half the forecast PV all morning: 08:00–11:00 measured, planning at 12:00.
        var scenario = TwoDays(t => t % 24 is >= 8 and < 16 ? 2 : 0, _ => 1);

        // Day bias = (prior 2 + measured 4 × 2) / (prior 2 + forecast 4 × 4) = 10 / 18, the prior being
        // 0.5 h at the 4 kW peak over 1 h slots; the last slot's ratio 0.5 fades towards it by 0.7 per slot.
        var bias = 10.0 / 18;
        var expected15 = 4 * (bias + ((0.5 - bias) * Math.Pow(MeasuredDeviation.PvPersistence, 4)));
        Assert.Equal(expected15, MeasuredDeviation.Pv(scenario, 12, 15), 9);
        Assert.Equal(4, MeasuredDeviation.Pv(scenario, 12, 24 + 10), 9);
        Assert.Equal(0, MeasuredDeviation.Pv(scenario, 12, 20), 9);
    }

    [Fact]
    public void The_first_slot_of_a_day_starts_from_the_forecast()
    {
        var scenario = TwoDays(t => t % 24 is >= 8 and < 16 ? 2 : 0, _ => 1);

        // At 00:00 of day 2 nothing of day 2 is measured yet: yesterday's clouds do not carry over.
        Assert.Equal(4, MeasuredDeviation.Pv(scenario, 24, 24 + 9), 9);
    }

    [Fact]
    public void A_heavy_house_day_raises_the_rest_of_todays_load()
    {
        // Load 1.5 kW against a 1 kW forecast for the first 8 hours; the prior is 4 h at the 1 kW average.
        var scenario = TwoDays(_ => 0, _ => 1.5);

        var bias = (4 + (8 * 1.5)) / (4 + 8.0);
        var offset = 1.5 - bias;
        Assert.Equal(bias + (offset * Math.Pow(MeasuredDeviation.LoadPersistence, 3)), MeasuredDeviation.Load(scenario, 8, 10), 9);
        Assert.Equal(1 + (offset * Math.Pow(MeasuredDeviation.LoadPersistence, 24 + 2 - 8 + 1)), MeasuredDeviation.Load(scenario, 8, 24 + 2), 9);
    }

    [Fact]
    public void The_load_surprise_is_the_90th_percentile_of_the_last_day_above_forecast()
    {
        // 2 kW above the 1 kW forecast in every fifth hour: 5 of the first 24 hours.
        var scenario = TwoDays(_ => 0, t => t % 5 == 0 ? 3 : 0.5);

        Assert.Equal(0, MeasuredDeviation.LoadSurpriseKw(scenario, 7));
        Assert.Equal(2, MeasuredDeviation.LoadSurpriseKw(scenario, 24), 9);
        // Hours below the forecast count as no surprise, not as negative ones.
        Assert.Equal(0, MeasuredDeviation.LoadSurpriseKw(TwoDays(_ => 0, _ => 0.5), 24), 9);
    }
}
