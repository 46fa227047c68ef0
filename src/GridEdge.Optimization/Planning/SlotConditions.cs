namespace GridEdge.Optimization.Planning;

/// <summary>What the planner expects in one slot: average PV and house load in kW, prices per kWh, grid CO2 intensity.</summary>
public readonly record struct SlotConditions(double PvKw, double LoadKw, double ImportPrice, double ExportPrice, double Co2GramsPerKwh);
