using Google.OrTools.LinearSolver;

namespace GridEdge.Optimization.Model;

/// <summary>
/// The demand charge: one variable for the new peak's excess over the peak already billed, bounded
/// below by every half-hour window's average import. The window open at the horizon's start carries
/// the energy already imported in it. Excess is in kW above PeakSoFarKw. WindowOfSlot numbers each
/// slot's window from 0; Limit is that window's bound (peak less what was already imported).
/// </summary>
internal sealed record DemandChargeVariables(Variable Excess, double PeakSoFarKw, int[] WindowOfSlot, double[] Limit)
{
    /// <summary>A window whose average is within this (kW) of the billed peak counts as at the peak.</summary>
    public const double PeakTolerance = 0.05;

    /// <summary>
    /// Per slot: its window's average import in <paramref name="solution"/> is at the billed peak
    /// (peak so far + excess), so any extra import there raises the demand charge.
    /// </summary>
    public bool[] AtPeak(Solution solution, double slotHours)
    {
        var average = new double[Limit.Length];
        for (var t = 0; t < WindowOfSlot.Length; t++)
        {
            average[WindowOfSlot[t]] += solution.Import[t] * slotHours / 0.5;
        }

        var atPeak = new bool[WindowOfSlot.Length];
        for (var t = 0; t < atPeak.Length; t++)
        {
            var w = WindowOfSlot[t];
            atPeak[t] = average[w] - solution.DemandExcessKw >= Limit[w] - PeakTolerance;
        }

        return atPeak;
    }

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
        var headroom = Math.Max(0, request.LoadSurpriseKw);
        var reserve = headroom > 0 ? m.NumVar(0, headroom) : null;
        if (reserve is not null)
        {
            m.Objective.SetCoefficient(reserve, price * 0.5);
        }

        var windows = DemandWindows.OfSlots(request.Start, request.SlotLength, m.Horizon);
        var carried = DemandWindows.StartsWindow(request.Start) ? 0 : state.OpenWindowImportKwh;
        Constraint? row = null;
        var windowOfSlot = new int[m.Horizon];
        var limits = new List<double>();
        for (var t = 0; t < m.Horizon; t++)
        {
            if (t == 0 || windows[t] != windows[t - 1])
            {
                // Σ import·Δt / 0.5 h − excess ≤ peak − carried / 0.5 h
                var already = t == 0 ? carried : 0;
                // Later half hours keep the headroom free unless the plan pays for the reserve.
                var later = t > 0 && reserve is not null;
                limits.Add(peak - (already / 0.5) - (later ? headroom : 0));
                row = m.Solver.MakeConstraint(double.NegativeInfinity, limits[^1], "");
                row.SetCoefficient(excess, -1);
                if (later)
                {
                    row.SetCoefficient(reserve!, -1);
                }
            }

            windowOfSlot[t] = limits.Count - 1;
            row!.SetCoefficient(grid.Import[t], m.Dt / 0.5);
        }

        return new DemandChargeVariables(excess, peak, windowOfSlot, [.. limits]);
    }
}
