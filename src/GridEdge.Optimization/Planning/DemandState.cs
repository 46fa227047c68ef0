namespace GridEdge.Optimization.Planning;

/// <summary>
/// How much of the demand charge is already decided: the highest half-hour average billed so far
/// (at least the grid's existing peak), and the energy already imported in the half hour that is
/// open at the horizon's start (with 15-minute slots a re-plan can start mid-window).
/// </summary>
public readonly record struct DemandState(double PeakSoFarKw, double OpenWindowImportKwh);
