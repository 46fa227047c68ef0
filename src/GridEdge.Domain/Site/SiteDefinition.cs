namespace GridEdge.Domain.Site;

/// <summary>One installation as described by its site file: what is connected and how it is to be controlled.</summary>
public sealed record SiteDefinition
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>Local clock of the site; demand windows, schedules and departure times follow it.</summary>
    public required TimeZoneInfo TimeZone { get; init; }

    public required string Currency { get; init; }

    public required GridConnection Grid { get; init; }

    public required IReadOnlyList<MeterDefinition> Meters { get; init; }

    public required IReadOnlyList<ChargePointDefinition> ChargePoints { get; init; }

    public PvDefinition? Pv { get; init; }

    public BatteryDefinition? Battery { get; init; }

    /// <summary>Grid prices; without one the planner only minimises grid energy.</summary>
    public TariffDefinition? Tariff { get; init; }

    /// <summary>Planner settings; needed when a chargepoint is in mode plan.</summary>
    public PlanningSettings? Planning { get; init; }

    public required ControlSettings Control { get; init; }

    public MeterDefinition GridMeter => Meters.First(m => m.Id == Grid.MeterId);
}
