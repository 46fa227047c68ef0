using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// Battery charge, discharge and SoC after each slot. Charge and discharge are separate so the
/// efficiencies apply; both at once only pays with negative prices, and the controller nets them.
/// Soc is the SoC at the end of each slot.
/// </summary>
internal sealed record BatteryVariables(BatterySpec Spec, Variable[] Charge, Variable[] Discharge, Variable[] Soc)
{
    public static BatteryVariables? Add(ModelContext m)
    {
        if (m.Request.Battery is not { } spec || m.Horizon == 0)
        {
            return null;
        }

        var charge = new Variable[m.Horizon];
        var discharge = new Variable[m.Horizon];
        var soc = new Variable[m.Horizon];
        // The battery may start outside its window (measured live); never make that infeasible.
        var start = m.Request.BatterySocKwh;
        var lower = Math.Min(spec.MinSocKwh, start);
        var upper = Math.Max(spec.MaxSocKwh, start);
        for (var t = 0; t < m.Horizon; t++)
        {
            charge[t] = m.NumVar(0, spec.MaxChargeKw);
            discharge[t] = m.NumVar(0, spec.MaxDischargeKw);
            var last = t == m.Horizon - 1;
            soc[t] = m.NumVar(last ? Math.Min(Math.Max(lower, spec.TerminalMinSocKwh), upper) : lower, upper);
            m.Balance[t].SetCoefficient(charge[t], -1);
            m.Balance[t].SetCoefficient(discharge[t], 1);
            m.Objective.SetCoefficient(discharge[t], m.Dt * spec.CycleCostPerKwh);
            // Earlier is worth a little more: what the plan expects later (PV, prices) is a forecast.
            m.Objective.SetCoefficient(charge[t], m.StoreLaterPerSlot * t);

            // soc_t − soc_{t−1} − ηc·Δt·charge + Δt/ηd·discharge = 0
            var before = t == 0 ? start : 0;
            var row = m.Solver.MakeConstraint(before, before, "");
            row.SetCoefficient(soc[t], 1);
            if (t > 0)
            {
                row.SetCoefficient(soc[t - 1], -1);
            }

            row.SetCoefficient(charge[t], -spec.ChargeEfficiency * m.Dt);
            row.SetCoefficient(discharge[t], m.Dt / spec.DischargeEfficiency);
        }

        if (m.Request.HorizonTruncated)
        {
            // Energy above the terminal minimum is worth what it saves later, net of losses and wear.
            var value = (spec.DischargeEfficiency * m.Prices.Median) - spec.CycleCostPerKwh;
            m.Objective.SetCoefficient(soc[m.Horizon - 1], -Math.Max(0, value));
        }

        return new BatteryVariables(spec, charge, discharge, soc);
    }
}
