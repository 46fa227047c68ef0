using Google.OrTools.LinearSolver;

namespace GridEdge.Optimization.Model;

/// <summary>
/// The demand charge: one variable for the new peak's excess over the peak already billed, bounded
/// below by every half-hour window's average import. The window open at the horizon's start carries
/// the energy already imported in it. Excess is in kW above PeakSoFarKw.
/// </summary>
internal sealed record DemandChargeVariables(Variable Excess, double PeakSoFarKw)
{
    public static DemandChargeVariables? Add(ModelContext m, GridVariables grid)
    {
        var request = m.Request;
        var price = request.Grid.DemandChargePerKw;
        if (price <= 0 || m.Horizon == 0)
        {
            return null;
        }

        var state = request.Demand ?? new Planning.DemandState(request.Grid.ExistingPeakKw, 0);
        var peak = Math.Max(state.PeakSoFarKw, request.Grid.ExistingPeakKw);
        var excess = m.NumVar(0, double.PositiveInfinity);
        m.Objective.SetCoefficient(excess, price);
        var windows = DemandWindows.OfSlots(request.Start, request.SlotLength, m.Horizon);
        var carried = DemandWindows.StartsWindow(request.Start) ? 0 : state.OpenWindowImportKwh;
        Constraint? row = null;
        for (var t = 0; t < m.Horizon; t++)
        {
            if (t == 0 || windows[t] != windows[t - 1])
            {
                // Σ import·Δt / 0.5 h − excess ≤ peak − carried / 0.5 h
                var already = t == 0 ? carried : 0;
                row = m.Solver.MakeConstraint(double.NegativeInfinity, peak - (already / 0.5), "");
                row.SetCoefficient(excess, -1);
            }

            row!.SetCoefficient(grid.Import[t], m.Dt / 0.5);
        }

        return new DemandChargeVariables(excess, peak);
    }
}
