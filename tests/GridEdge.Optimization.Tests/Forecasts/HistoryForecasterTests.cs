using GridEdge.Optimization.Forecasts;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class HistoryForecasterTests
{
    private static readonly TimeSpan Slot = TimeSpan.FromMinutes(30);
    private static readonly DateTimeOffset Today = new(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(9));
    private static readonly ClearSky Tokyo = new(35.7, 139.7);

    [Fact]
    public void Load_blends_the_same_slot_of_the_last_days_yesterday_first()
    {
        var at = Today.AddHours(19);
        Sample[] history = [new(at.AddDays(-1), 2), new(at.AddDays(-2), 1), new(at.AddDays(-1).AddHours(1), 9)];
        var forecast = new HistoryForecaster(Tokyo) { Decay = 0.5 }.Load(history, at, Slot, 2);

        // (1 · 2 + 0.5 · 1) / 1.5; the next slot has no history at all.
        Assert.Equal(5.0 / 3, forecast[0], 1e-9);
        Assert.Equal(0, forecast[1]);
    }

    [Fact]
    public void Pv_is_the_clear_sky_curve_scaled_by_the_recent_days_clearness()
    {
        // Day −1 at half of a 4 kW clear-sky output, day −2 at the full 4 kW shape.
        var history = new List<Sample>();
        for (var d = 1; d <= 2; d++)
        {
            for (var i = 0; i < 48; i++)
            {
                var start = Today.AddDays(-d) + (Slot * i);
                history.Add(new Sample(start, (d == 1 ? 2 : 4) * Tokyo.Relative(start, Slot)));
            }
        }

        var forecast = new HistoryForecaster(Tokyo) { Decay = 0.5 }.Pv(history, Today, Slot, 48);

        // Scale 4 kW (best measured / clear-sky ratio), clearness (1 · 0.5 + 0.5 · 1) / 1.5 = 2/3.
        var noon = Today.AddHours(12);
        Assert.Equal(4 * (2.0 / 3) * Tokyo.Relative(noon, Slot), forecast[24], 1e-9);
        Assert.Equal(0, forecast[0]);
    }

    [Fact]
    public void Without_a_past_day_a_known_peak_is_forecast_at_an_average_days_clearness()
    {
        // Only this morning measured (no whole day yet): 6 kWp at the prior 0.5; an unknown peak stays dark.
        var history = new List<Sample> { new(Today.AddHours(9), 3 * Tokyo.Relative(Today.AddHours(9), Slot)) };
        var noon = Today.AddHours(12);

        var known = new HistoryForecaster(Tokyo) { PeakKw = 6 }.Pv(history, Today, Slot, 48);
        var unknown = new HistoryForecaster(Tokyo).Pv([], Today, Slot, 48);

        Assert.Equal(6 * 0.5 * Tokyo.Relative(noon, Slot), known[24], 1e-9);
        Assert.All(unknown, kw => Assert.Equal(0, kw));
    }

    [Fact]
    public void External_file_replaces_the_slots_it_covers()
    {
        const string Csv = "start,pv_kw,load_kw\n2026-11-23T00:30:00+09:00,1.5,0.25\n";
        var file = ForecastFile.Read(new StringReader(Csv), "forecast.csv");

        var pv = ForecastFile.Overlay(file.Pv, [9, 9, 9], Today, Slot);
        var load = ForecastFile.Overlay(file.Load, [7, 7, 7], Today, Slot);

        Assert.Equal([9, 1.5, 9], pv);
        Assert.Equal([7, 0.25, 7], load);
    }
}
