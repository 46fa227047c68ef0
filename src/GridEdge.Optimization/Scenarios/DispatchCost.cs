namespace GridEdge.Optimization.Scenarios;

/// <summary>Cost of a dispatch by part, as score.py reports it, in the scenario currency.</summary>
public sealed record DispatchCost(
    double Total,
    double EnergyImport,
    double EnergyExportRevenue,
    double DemandCharge,
    double BatteryCycle,
    double UnmetPenalty,
    double Co2);
