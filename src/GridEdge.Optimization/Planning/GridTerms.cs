namespace GridEdge.Optimization.Planning;

/// <summary>
/// The grid connection as the planner sees it: limits in kW, and the demand charge billed on the
/// highest wall-clock half-hour average import above the peak already incurred this billing period.
/// </summary>
public sealed record GridTerms(double ImportLimitKw, double ExportLimitKw, double DemandChargePerKw = 0, double ExistingPeakKw = 0);
