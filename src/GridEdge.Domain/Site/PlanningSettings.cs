namespace GridEdge.Domain.Site;

/// <summary>How the planner looks ahead: slot length (15 min EU, 30 min Japan), horizon, and where the sun is.</summary>
public sealed record PlanningSettings
{
    public TimeSpan Slot { get; init; } = TimeSpan.FromMinutes(15);

    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(24);

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    /// <summary>Folder where every re-plan is stored as a replayable scenario; null stores none.</summary>
    public string? StoreDirectory { get; init; } = "plans";

    /// <summary>How many stored re-plans are kept (oldest deleted first).</summary>
    public int StoreKeep { get; init; } = 96;

    /// <summary>Carbon price on imported energy (site currency per kg CO2, with the grid intensity of the price schedule); 0 = CO2 only reported.</summary>
    public double Co2PricePerKg { get; init; }

    /// <summary>Spot prices that replace the tariff where they cover a slot; null plans with the tariff alone.</summary>
    public PriceSourceSettings? Prices { get; init; }

    /// <summary>A PV/load forecast (<c>start,pv_kw,load_kw</c>) that replaces the history forecast where it covers a slot.</summary>
    public ScheduleSource? Forecast { get; init; }
}
