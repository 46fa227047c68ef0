using GridEdge.Control.Demand;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Control.Tests;

/// <summary>The half-hour demand windows on the site's clock, the month's peak, and the ceiling for the rest of a window.</summary>
public sealed class DemandMeterTests
{
    private static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>10:00 JST as UTC (01:00), the way the control loop's clock reports it.</summary>
    private static readonly DateTimeOffset TenJst = new(2026, 11, 24, 1, 0, 0, TimeSpan.Zero);

    private static void Hold(DemandMeter meter, DateTimeOffset from, TimeSpan length, double kw)
    {
        for (var t = TimeSpan.FromSeconds(1); t <= length; t += TimeSpan.FromSeconds(1))
        {
            meter.Observe(from + t - TimeSpan.FromTicks(1), Power.FromKilowatts(kw), TimeSpan.FromSeconds(1));
        }
    }

    [Fact]
    public void A_half_hour_average_becomes_the_months_peak_when_its_window_closes()
    {
        var meter = new DemandMeter(Tokyo, Power.Zero);

        // 10:00–10:10 at 6 kW, 10:10–10:30 at 3 kW: (1 + 1) kWh / 0.5 h = 4 kW.
        Hold(meter, TenJst, TimeSpan.FromMinutes(10), 6);
        Hold(meter, TenJst.AddMinutes(10), TimeSpan.FromMinutes(20), 3);
        Assert.Equal(0, meter.PeakKw, 6);
        Assert.Equal(2, meter.OpenWindowImportKwh, 3);

        meter.Observe(TenJst.AddMinutes(30), Power.FromKilowatts(1), TimeSpan.Zero);

        Assert.Equal(4, meter.PeakKw, 3);
        Assert.Equal(TenJst.AddMinutes(30), meter.WindowStart);
        Assert.Equal(TimeSpan.FromHours(9), meter.WindowStart!.Value.Offset);
    }

    [Fact]
    public void Export_counts_as_no_import_and_a_lower_window_keeps_the_peak()
    {
        var meter = new DemandMeter(Tokyo, Power.FromKilowatts(5));

        Hold(meter, TenJst, TimeSpan.FromMinutes(30), -2);
        Assert.Equal(0, meter.OpenWindowImportKwh, 9);
        Hold(meter, TenJst.AddMinutes(30), TimeSpan.FromMinutes(30), 4);
        meter.Observe(TenJst.AddMinutes(60), Power.Zero, TimeSpan.Zero);

        // 4 kW stays under the 5 kW already billed.
        Assert.Equal(5, meter.PeakKw, 6);
    }

    [Fact]
    public void A_new_month_starts_again_from_the_billed_peak()
    {
        var meter = new DemandMeter(Tokyo, Power.FromKilowatts(2));
        // 30 November 23:30 JST at 8 kW, then the first window of December.
        var lastWindow = new DateTimeOffset(2026, 11, 30, 14, 30, 0, TimeSpan.Zero);
        Hold(meter, lastWindow, TimeSpan.FromMinutes(30), 8);
        meter.Observe(lastWindow.AddMinutes(29).AddSeconds(59.5), Power.Zero, TimeSpan.Zero);
        Assert.Equal(2, meter.PeakKw, 6);

        meter.Observe(lastWindow.AddMinutes(30), Power.Zero, TimeSpan.Zero);

        Assert.Equal(2, meter.PeakKw, 6);
    }

    [Fact]
    public void The_ceiling_spreads_what_is_left_of_the_window_over_its_remaining_time()
    {
        var meter = new DemandMeter(Tokyo, Power.FromKilowatts(4));
        // 10 minutes at 6 kW = 1 kWh of the 2 kWh a 4 kW half hour allows: the other 20 minutes may average 3 kW.
        Hold(meter, TenJst, TimeSpan.FromMinutes(10), 6);

        Assert.Equal(3000, meter.Ceiling(TenJst.AddMinutes(10), 4).Watts, 1);
        // A plan that accepts a 5 kW peak leaves 1.5 kWh for 20 minutes: 4.5 kW.
        Assert.Equal(4500, meter.Ceiling(TenJst.AddMinutes(10), 5).Watts, 1);
    }

    [Fact]
    public void A_spent_window_allows_nothing_more()
    {
        var meter = new DemandMeter(Tokyo, Power.FromKilowatts(4));
        Hold(meter, TenJst, TimeSpan.FromMinutes(25), 5);

        Assert.Equal(0, meter.Ceiling(TenJst.AddMinutes(25), 4).Watts, 6);
    }
}
