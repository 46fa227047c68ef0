using GridEdge.Domain.Site;
using GridEdge.Optimization.Forecasts;
using GridEdge.Optimization.Planning;

namespace GridEdge.Host.Planning;

/// <summary>
/// What the planner assumes per slot: PV and house load from the history forecast, replaced by the
/// forecast schedule where it has the slot; import/export price and CO2 from the price schedule
/// (spot → retail by the site's factor and markup), else the tariff, else the last price the schedule
/// knew — so a schedule that has run out does not make the rest of the horizon free.
/// </summary>
internal sealed class SlotConditionsBuilder(SiteDefinition site, PlanningSettings settings, PlanningInputs? inputs)
{
    /// <summary>Moves whenever a price or forecast schedule changes what <see cref="Build"/> returns.</summary>
    public long Version => inputs?.Version ?? 0;

    /// <param name="pv">History forecast of PV, kW per slot.</param>
    /// <param name="load">History forecast of the house, kW per slot (0 where there is no history).</param>
    /// <param name="lastLoadKw">The house in the last slot measured, for slots without history.</param>
    public SlotConditions[] Build(DateTimeOffset start, int count, double[] pv, double[] load, double? lastLoadKw)
    {
        ArgumentNullException.ThrowIfNull(pv);
        ArgumentNullException.ThrowIfNull(load);
        // No history for this slot yet: the house as it was in the last slot.
        var house = load.Select(kw => kw > 0 ? kw : lastLoadKw ?? 0).ToArray();
        if (inputs?.Forecast?.Current is { } forecast)
        {
            pv = ForecastFile.Overlay(forecast.Pv, pv, start, settings.Slot);
            house = ForecastFile.Overlay(forecast.Load, house, start, settings.Slot);
        }

        var prices = inputs?.Prices?.Current;
        var slots = new SlotConditions[count];
        for (var i = 0; i < count; i++)
        {
            var (import, export, co2) = Prices(start + (settings.Slot * i), prices);
            slots[i] = new SlotConditions(pv[i], house[i], import, export, co2);
        }

        return slots;
    }

    private (double Import, double Export, double Co2) Prices(DateTimeOffset at, IReadOnlyList<PriceSlot>? schedule)
    {
        var tariff = site.Tariff;
        var tariffExport = tariff?.ExportPrice.PerKilowattHour ?? 0;
        var spot = schedule is null ? null : PriceFiles.Over(schedule, at, settings.Slot) ?? (tariff is null ? PriceFiles.LastKnown(schedule, at) : null);
        if (spot is not { } known || settings.Prices is not { } pricing)
        {
            var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(at, site.TimeZone).DateTime);
            return (tariff?.ImportAt(local).PerKilowattHour ?? 1, tariffExport, 0);
        }

        var export = pricing.Export == ExportPriceBasis.Spot ? known.PricePerKwh : tariffExport;
        return (pricing.ImportPrice(known.PricePerKwh), export, known.Co2GramsPerKwh ?? 0);
    }
}
