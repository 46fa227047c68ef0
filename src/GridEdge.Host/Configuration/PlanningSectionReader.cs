using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>planning:</c> section; it is required as soon as a charger is in mode plan.</summary>
internal static class PlanningSectionReader
{
    public static PlanningSettings? Read(ConfigMap root, IReadOnlyList<ChargePointDefinition> chargers)
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
            };
    }
}
