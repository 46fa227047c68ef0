using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>tariff:</c> section: base import price, export price, time-of-use windows, demand charge.</summary>
internal static class TariffSectionReader
{
    public static TariffDefinition? Read(ConfigMap root)
    {
        if (root.OptionalMap("tariff") is not { } tariff)
        {
            return null;
        }

        var import = tariff.RequiredNumber("import_price_per_kwh", Bounds.Between(-10_000, 10_000));
        var export = tariff.OptionalNumber("export_price_per_kwh", Bounds.Between(-10_000, 10_000)) ?? 0;
        var demandCharge = tariff.OptionalNumber("demand_charge_per_kw", Bounds.Between(0, 1_000_000)) ?? 0;
        var billedPeak = tariff.OptionalNumber("billed_peak_w", Bounds.Between(0, 100_000_000)) ?? 0;
        var windows = new List<TimeOfUseWindow>();
        foreach (var item in tariff.OptionalList("time_of_use") ?? [])
        {
            if (item.AsMap() is not { } window)
            {
                continue;
            }

            var from = window.RequiredTimeOfDay("from");
            var to = window.RequiredTimeOfDay("to");
            var price = window.RequiredNumber("import_price_per_kwh", Bounds.Between(-10_000, 10_000));
            if (from is not null && to is not null && price is not null)
            {
                windows.Add(new TimeOfUseWindow(from.Value, to.Value, new Price(price.Value)));
            }
        }

        return import is null ? null : new TariffDefinition
            {
                ImportPrice = new Price(import.Value),
                ExportPrice = new Price(export),
                TimeOfUse = windows,
                DemandChargePerKw = demandCharge,
                BilledPeak = new Power(billedPeak),
            };
    }
}
