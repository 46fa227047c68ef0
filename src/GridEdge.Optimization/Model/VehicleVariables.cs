using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// One plug-in session: charge (and discharge if bidirectional) per connected slot, energy after each
/// slot, and the soft departure target. Index j counts connected slots; slot = First + j. TargetKwh is
/// what the car should hold after its last slot in this horizon (the target, or its prorated part).
/// </summary>
internal sealed record VehicleVariables(
    VehicleRequest Vehicle,
    double SlotHours,
    int First,
    Variable[] Charge,
    Variable[]? Discharge,
    Variable[] Energy,
    double TargetKwh,
    Variable? Shortfall)
{
    public int Count => Charge.Length;

    public static VehicleVariables? Add(ModelContext m, VehicleRequest v)
    {
        var first = Math.Max(0, v.ConnectedFromSlot);
        var end = Math.Min(m.Horizon, v.DepartureSlot);
        if (end <= first)
        {
            return null;
        }

        var count = end - first;
        var charge = new Variable[count];
        var discharge = v.Bidirectional ? new Variable[count] : null;
        var energy = new Variable[count];
        var floor = v.FloorKwh;
        var ceiling = Math.Max(v.CapacityKwh, v.EnergyKwh);
        // Earlier charging wins ties: under forecast error, energy already in the car is never at risk.
        var tieBreak = 1e-6 * Math.Max(m.Prices.Mean, 1e-3);
        for (var j = 0; j < count; j++)
        {
            var t = first + j;
            charge[j] = m.NumVar(0, v.Charge.MaxKw);
            m.Balance[t].SetCoefficient(charge[j], -1);
            m.Objective.SetCoefficient(charge[j], tieBreak * t);
            energy[j] = m.NumVar(floor, ceiling);

            // e_j − e_{j−1} − ηc·Δt·charge + Δt/ηd·discharge = 0
            var before = j == 0 ? v.EnergyKwh : 0;
            var row = m.Solver.MakeConstraint(before, before, "");
            row.SetCoefficient(energy[j], 1);
            if (j > 0)
            {
                row.SetCoefficient(energy[j - 1], -1);
            }

            row.SetCoefficient(charge[j], -v.ChargeEfficiency * m.Dt);
            if (discharge is not null)
            {
                discharge[j] = m.NumVar(0, v.MayExport ? v.Discharge.MaxKw : Math.Min(v.Discharge.MaxKw, HouseImportKw(m, t)));
                m.Balance[t].SetCoefficient(discharge[j], 1);
                row.SetCoefficient(discharge[j], m.Dt / v.DischargeEfficiency);
            }

            if (m.Exact)
            {
                MinimumPowerSwitches.Add(m, v, charge[j], discharge?[j]);
            }
        }

        var target = TargetWithin(m, v);
        Variable? shortfall = null;
        if (target > floor)
        {
            // shortfall + e_last ≥ target: soft, so an impossible target yields the best possible shortfall.
            shortfall = m.NumVar(0, double.PositiveInfinity);
            var row = m.Solver.MakeConstraint(target, double.PositiveInfinity, "");
            row.SetCoefficient(shortfall, 1);
            row.SetCoefficient(energy[count - 1], 1);
            m.Objective.SetCoefficient(shortfall, m.Request.Penalties.UnmetEnergyPerKwh);
        }

        if (v.DepartureSlot > m.Horizon && m.Request.HorizonTruncated)
        {
            AddTerminalValue(m, v, energy[count - 1]);
        }

        return new VehicleVariables(v, m.Dt, first, charge, discharge, energy, target, shortfall);
    }

    /// <summary>
    /// The target itself when the car leaves within the horizon; otherwise only what could not be
    /// charged at full power after the horizon ends.
    /// </summary>
    public static double TargetWithin(ModelContext m, VehicleRequest v)
    {
        if (v.DepartureSlot <= m.Horizon)
        {
            return v.TargetEnergyKwh;
        }

        var later = (v.DepartureSlot - m.Horizon) * m.Dt * v.Charge.MaxKw * v.ChargeEfficiency;
        return Math.Min(v.TargetEnergyKwh - later, v.CapacityKwh);
    }

    /// <summary>
    /// Energy up to the target that is in the car when the horizon ends need not be bought later at a
    /// typical price, so it earns that price (per kWh stored, losses included).
    /// </summary>
    private static void AddTerminalValue(ModelContext m, VehicleRequest v, Variable last)
    {
        var stored = m.NumVar(0, Math.Max(0, v.TargetEnergyKwh));
        var row = m.Solver.MakeConstraint(double.NegativeInfinity, 0, "");
        row.SetCoefficient(stored, 1);
        row.SetCoefficient(last, -1);
        m.Objective.SetCoefficient(stored, -m.Prices.Median / v.ChargeEfficiency);
    }

    private static double HouseImportKw(ModelContext m, int t) =>
        Math.Max(0, m.Request.Slots[t].LoadKw - m.Request.Slots[t].PvKw);
}
