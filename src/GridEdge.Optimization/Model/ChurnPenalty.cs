using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// A small cost on changing the near slots' setpoints against the plan in force. LP optima are often
/// degenerate (many schedules cost the same); without this, re-plans flip between them and the
/// chargers would follow every flip.
/// </summary>
internal static class ChurnPenalty
{
    public static void Add(ModelContext m, PlannerOptions options, BatteryVariables? battery, IReadOnlyList<VehicleVariables> vehicles)
    {
        if (m.Request.Previous is not { } previous || options.ChurnWeight <= 0)
        {
            return;
        }

        var weight = options.ChurnWeight * Math.Max(m.Prices.Mean, 1e-6) * m.Dt;
        var slots = Math.Min(options.ChurnSlots, m.Horizon);
        for (var t = 0; t < slots; t++)
        {
            var time = m.Request.Start + (m.Request.SlotLength * t);
            if (previous.SlotAt(time) is not { } old || old.Start != time)
            {
                continue;
            }

            if (battery is not null)
            {
                AddDeviation(m, weight, old.BatteryKw, battery.Charge[t], battery.Discharge[t]);
            }

            foreach (var planned in old.Vehicles)
            {
                var vehicle = vehicles.FirstOrDefault(v => v.Vehicle.Id == planned.VehicleId);
                var j = t - (vehicle?.First ?? 0);
                if (vehicle is not null && j >= 0 && j < vehicle.Count)
                {
                    AddDeviation(m, weight, planned.PowerKw, vehicle.Charge[j], vehicle.Discharge?[j]);
                }
            }
        }
    }

    /// <summary>deviation ≥ |charge − discharge − before|, priced by <paramref name="weight"/>.</summary>
    private static void AddDeviation(ModelContext m, double weight, double before, Variable charge, Variable? discharge)
    {
        var deviation = m.NumVar(0, double.PositiveInfinity);
        m.Objective.SetCoefficient(deviation, weight);
        foreach (var sign in (ReadOnlySpan<double>)[1.0, -1.0])
        {
            // deviation − sign·(charge − discharge) ≥ −sign·before
            var row = m.Solver.MakeConstraint(-sign * before, double.PositiveInfinity, "");
            row.SetCoefficient(deviation, 1);
            row.SetCoefficient(charge, -sign);
            if (discharge is not null)
            {
                row.SetCoefficient(discharge, sign);
            }
        }
    }
}
