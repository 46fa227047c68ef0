namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// What the site did in one slot, average kW: grid flows, battery (+ charge), PV curtailed, and each
/// vehicle's power (+ charge) in the scenario's vehicle order.
/// </summary>
public sealed record DispatchRow(double ImportKw, double ExportKw, double BatteryKw, double CurtailedKw, IReadOnlyList<double> VehicleKw);
