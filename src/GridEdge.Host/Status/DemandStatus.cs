using GridEdge.Control.Demand;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Status;

/// <summary>
/// The open half hour as a demand monitor shows it: energy imported so far, the average it will be billed
/// at if the present import holds to the window's end (the "predicted demand"), and the peak billed so far.
/// </summary>
internal sealed record DemandStatus(DateTimeOffset? WindowStart, double ImportKwh, double ProjectedKw, double BilledPeakKw)
{
    public static DemandStatus Create(DemandMeter meter, DateTimeOffset now, Power grid)
    {
        var remaining = meter.WindowStart is { } start ? start + DemandMeter.Window - now : TimeSpan.Zero;
        var projectedKwh = meter.OpenWindowImportKwh + (Math.Max(0, grid.Kilowatts) * Math.Max(0, remaining.TotalHours));
        return new DemandStatus(
            meter.WindowStart,
            Math.Round(meter.OpenWindowImportKwh, 3),
            Math.Round(projectedKwh / DemandMeter.Window.TotalHours, 2),
            Math.Round(meter.PeakKw, 2));
    }
}
