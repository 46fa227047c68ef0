using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// The exact form of "0 or at least the minimum": one binary per car-slot and direction,
/// <c>min·on ≤ power ≤ max·on</c>, and a bidirectional car either charges or discharges in a slot.
/// Only for models small enough that the MIP solves in milliseconds (<see cref="PlannerOptions.ExactUpTo"/>).
/// </summary>
internal static class MinimumPowerSwitches
{
    /// <summary>How many on/off decisions a request has: connected car-slots in the horizon, twice for bidirectional cars.</summary>
    public static int Count(PlanningRequest request)
    {
        var count = 0;
        foreach (var v in request.Vehicles)
        {
            var slots = Math.Max(0, Math.Min(request.Slots.Count, v.DepartureSlot) - Math.Max(0, v.ConnectedFromSlot));
            count += slots * (v.Bidirectional ? 2 : 1);
        }

        return count;
    }

    public static void Add(ModelContext m, VehicleRequest v, Variable charge, Variable? discharge)
    {
        var chargeOn = Switch(m, charge, v.Charge);
        if (discharge is not null)
        {
            var dischargeOn = Switch(m, discharge, v.Discharge);
            var either = m.Solver.MakeConstraint(double.NegativeInfinity, 1, "");
            either.SetCoefficient(chargeOn, 1);
            either.SetCoefficient(dischargeOn, 1);
        }
    }

    private static Variable Switch(ModelContext m, Variable power, ChargerRange range)
    {
        var on = m.Solver.MakeBoolVar("");
        var upper = m.Solver.MakeConstraint(double.NegativeInfinity, 0, "");
        upper.SetCoefficient(power, 1);
        upper.SetCoefficient(on, -range.MaxKw);
        if (range.MinKw > 0)
        {
            var lower = m.Solver.MakeConstraint(0, double.PositiveInfinity, "");
            lower.SetCoefficient(power, 1);
            lower.SetCoefficient(on, -range.MinKw);
        }

        return on;
    }
}
