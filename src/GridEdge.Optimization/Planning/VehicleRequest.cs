namespace GridEdge.Optimization.Planning;

/// <summary>
/// One plug-in session relative to the planning horizon. Slots count from the horizon's slot 0;
/// <see cref="DepartureSlot"/> may lie beyond the horizon (the target then applies later and the
/// planner only asks for what cannot be caught up after the horizon).
/// </summary>
public sealed record VehicleRequest(
    string Id,
    int ConnectedFromSlot,
    int DepartureSlot,
    double EnergyKwh,
    double TargetEnergyKwh,
    double CapacityKwh,
    double MinEnergyKwh,
    ChargerRange Charge,
    ChargerRange Discharge,
    double ChargeEfficiency,
    double DischargeEfficiency)
{
    public bool Bidirectional => Discharge.MaxKw > 0;

    /// <summary>
    /// False for a V2H charger that must not feed the grid: its discharge is then bounded by what the
    /// house would import without it (forecast load less PV) in each slot.
    /// </summary>
    public bool MayExport { get; init; } = true;

    /// <summary>The lowest energy the car may be taken to: never below what it arrived with.</summary>
    public double FloorKwh => Math.Min(MinEnergyKwh, EnergyKwh);
}
