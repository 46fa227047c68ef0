using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>One plug-in session of a scenario, in scenario slots (departure exclusive).</summary>
public sealed record ScenarioVehicle(
    string Id,
    int ArrivalSlot,
    int DepartureSlot,
    double CapacityKwh,
    double InitialEnergyKwh,
    double TargetEnergyKwh,
    ChargerRange Charge,
    ChargerRange Discharge,
    double ChargeEfficiency,
    double DischargeEfficiency,
    double MinEnergyKwh)
{
    /// <summary>The dispatch CSV column of this session.</summary>
    public string Column => "ev_" + Id + "_kw";

    public double FloorKwh => Math.Min(MinEnergyKwh, InitialEnergyKwh);

    public bool ConnectedIn(int slot) => slot >= ArrivalSlot && slot < DepartureSlot;
}
