using GridEdge.Domain.Units;

namespace GridEdge.Control.Demand;

/// <summary>
/// Measures what the demand charge bills: grid import integrated over the wall-clock half hours
/// (:00–:30, :30–:00 of the site's clock) and the billing month's highest half-hour average, never
/// below the peak already billed. From that it tells the controller how much import the rest of the
/// open half hour may have without its average crossing a target — the way a Japanese demand
/// controller watches the running 30-minute average. Not thread-safe: the control loop owns it.
/// </summary>
public sealed class DemandMeter
{
    /// <summary>The demand window length; billing periods are made of these.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    /// <summary>The ceiling never divides by less: in the window's last minute a spike is billed as a minute's worth anyway.</summary>
    private static readonly TimeSpan MinimumRemaining = TimeSpan.FromMinutes(1);

    private readonly TimeZoneInfo _zone;
    private readonly double _billedPeakKw;
    private DateTimeOffset? _windowStart;
    private DateTime _month;
    private double _monthPeakKw;

    public DemandMeter(TimeZoneInfo zone, Power billedPeak)
    {
        ArgumentNullException.ThrowIfNull(zone);
        _zone = zone;
        _billedPeakKw = billedPeak.Kilowatts;
    }

    /// <summary>The highest half-hour average billed this month so far (closed windows), at least the billed peak.</summary>
    public double PeakKw => Math.Max(_billedPeakKw, _monthPeakKw);

    /// <summary>Energy imported so far in the open half hour.</summary>
    public double OpenWindowImportKwh { get; private set; }

    /// <summary>Start of the open half hour, on the site's clock; null before the first observation.</summary>
    public DateTimeOffset? WindowStart => _windowStart;

    /// <summary>Adds one control cycle: <paramref name="grid"/> (+ import) held for <paramref name="elapsed"/> up to <paramref name="now"/>.</summary>
    public void Observe(DateTimeOffset now, Power grid, TimeSpan elapsed)
    {
        var window = WindowOf(now, _zone);
        if (_windowStart != window)
        {
            Close(window);
        }

        OpenWindowImportKwh += Math.Max(0, grid.Kilowatts) * Math.Max(0, elapsed.TotalHours);
    }

    /// <summary>
    /// The average import allowed from <paramref name="now"/> to the end of the open half hour so that the
    /// window's average stays at or below <paramref name="targetKw"/>; 0 when it is already spent.
    /// </summary>
    public Power Ceiling(DateTimeOffset now, double targetKw)
    {
        var start = _windowStart ?? WindowOf(now, _zone);
        var remaining = start + Window - now;
        if (remaining < MinimumRemaining)
        {
            remaining = MinimumRemaining;
        }

        var allowedKwh = (targetKw * Window.TotalHours) - OpenWindowImportKwh;
        return Power.FromKilowatts(Math.Max(0, allowedKwh / remaining.TotalHours));
    }

    /// <summary>Closes the open half hour into the month's peak and opens <paramref name="window"/>; a new month starts from the billed peak.</summary>
    private void Close(DateTimeOffset window)
    {
        if (_windowStart is not null)
        {
            // A window with a gap (fail-safe, restart) understates its average; it can still only raise the peak.
            _monthPeakKw = Math.Max(_monthPeakKw, OpenWindowImportKwh / Window.TotalHours);
        }

        var month = new DateTime(window.Year, window.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        if (month != _month)
        {
            _month = month;
            _monthPeakKw = 0;
        }

        _windowStart = window;
        OpenWindowImportKwh = 0;
    }

    /// <summary>The half hour (:00 or :30) that covers <paramref name="time"/>, on the clock of <paramref name="zone"/>.</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset time, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = TimeZoneInfo.ConvertTime(time, zone);
        var minutes = local.Minute < 30 ? 0 : 30;
        return new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, minutes, 0, local.Offset);
    }
}
