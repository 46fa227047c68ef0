namespace GridEdge.Optimization.Planning;

/// <summary>
/// Everything one plan is made from, as plain records so the controller, the scenario runner and tests
/// can build it alike. <see cref="Slots"/> is the horizon: one entry per slot from <see cref="Start"/>.
/// </summary>
public sealed record PlanningRequest(
    DateTimeOffset Start,
    TimeSpan SlotLength,
    IReadOnlyList<SlotConditions> Slots,
    GridTerms Grid,
    Penalties Penalties,
    IReadOnlyList<VehicleRequest> Vehicles)
{
    public BatterySpec? Battery { get; init; }

    /// <summary>Battery SoC at the start of slot 0 (ignored without a battery).</summary>
    public double BatterySocKwh { get; init; }

    /// <summary>Demand-charge state; defaults to the grid's existing peak and an empty open window.</summary>
    public DemandState? Demand { get; init; }

    /// <summary>
    /// True when the horizon stops before the site's own end (a rolling horizon): energy left in the
    /// battery and cars is then worth something, and targets beyond the horizon are only prorated.
    /// </summary>
    public bool HorizonTruncated { get; init; }

    /// <summary>
    /// How far the house may run above its load forecast in a slot (appliance spikes the forecast cannot
    /// see). The plan keeps that much import free below the grid limit, paying for what it uses of it, so
    /// a spike does not have to shed a car that must reach its target; and, under a demand charge, below
    /// the billed peak in the half hours after the open one, where using it costs half the demand charge.
    /// 0 = none.
    /// </summary>
    public double LoadSurpriseKw { get; init; }

    /// <summary>The plan in force, so the new one does not churn setpoints without a reason.</summary>
    public Plan? Previous { get; init; }

    public double SlotHours => SlotLength.TotalHours;
}
