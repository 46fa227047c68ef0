using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>planning:</c> section; it is required as soon as a charger is in mode plan.</summary>
internal static class PlanningSectionReader
{
    public static PlanningSettings? Read(ConfigMap root, IReadOnlyList<ChargePointDefinition> chargers, SiteFileContext context, IReadOnlyList<MqttBrokerSettings> brokers)
    {
        var planning = root.OptionalMap("planning");
        if (planning is null)
        {
            if (chargers.Any(c => c.Mode == ChargeMode.Plan))
            {
                root.ReportMissing("planning", "mode plan needs a planning section with latitude and longitude");
            }

            return null;
        }

        var slot = planning.OptionalDuration("slot", TimeSpan.FromMinutes(5), TimeSpan.FromHours(1)) ?? TimeSpan.FromMinutes(15);
        var horizon = planning.OptionalDuration("horizon", TimeSpan.FromHours(1), TimeSpan.FromHours(72)) ?? TimeSpan.FromHours(24);
        var latitude = planning.RequiredNumber("latitude", Bounds.Between(-90, 90));
        var longitude = planning.RequiredNumber("longitude", Bounds.Between(-180, 180));
        var store = planning.OptionalString("store") ?? "plans";
        var keep = planning.OptionalInt("keep", Bounds.Between(0, 10_000)) ?? 96;
        var co2Price = planning.OptionalNumber("co2_price_per_kg", Bounds.Between(0, 10_000)) ?? 0;
        var pricesMap = planning.OptionalMap("prices");
        var prices = pricesMap is null ? null : ReadPrices(pricesMap, context, brokers);
        var forecastMap = planning.OptionalMap("forecast");
        var forecast = forecastMap is null ? null : ScheduleSourceReader.Read(forecastMap, context, brokers);
        return latitude is null || longitude is null
            ? null
            : new PlanningSettings
            {
                Slot = slot,
                Horizon = horizon,
                Latitude = latitude.Value,
                Longitude = longitude.Value,
                StoreDirectory = keep == 0 ? null : store,
                StoreKeep = keep,
                Prices = prices,
                Forecast = forecast,
                Co2PricePerKg = co2Price,
            };
    }

    private static PriceSourceSettings? ReadPrices(ConfigMap prices, SiteFileContext context, IReadOnlyList<MqttBrokerSettings> brokers)
    {
        var source = ScheduleSourceReader.Read(prices, context, brokers);
        var format = prices.RequiredKeyword("format", SiteKeywords.PriceFormats);
        var columnNode = prices.Optional("column");
        var columnMisplaced = columnNode is not null && format is { } other && other != PriceFormat.Jepx;
        if (columnMisplaced)
        {
            columnNode!.Error("column is only used with format: jepx");
        }

        var column = columnMisplaced ? null : columnNode?.AsString() ?? "price";
        var factor = prices.OptionalNumber("import_factor", Bounds.Between(0, 1000)) ?? 1;
        var markup = prices.OptionalNumber("import_markup_per_kwh", Bounds.Between(-10_000, 10_000)) ?? 0;
        var export = prices.OptionalKeyword("export", SiteKeywords.ExportPriceBases) ?? ExportPriceBasis.Tariff;
        return source is null || format is null || column is null
            ? null
            : new PriceSourceSettings
            {
                Source = source,
                Format = format.Value,
                Column = column,
                ImportFactor = factor,
                ImportMarkupPerKwh = markup,
                Export = export,
            };
    }
}
