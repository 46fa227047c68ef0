using Google.OrTools.LinearSolver;

namespace GridEdge.Optimization.Model;

/// <summary>
/// A rolling plan applies only slot 0, so when just a few powers there lie between 0 and the minimum,
/// the planner tries every on/off combination of them (each followed by the usual repair) and keeps
/// the cheapest, instead of trusting the balanced rounding for the slot that is actually applied.
/// </summary>
internal static class FirstSlotEnumeration
{
    /// <summary>The powers of slot 0 that lie strictly between 0 and their minimum.</summary>
    public static List<Candidate> Candidates(PlanModel model, Solution solution)
    {
        var candidates = new List<Candidate>();
        for (var k = 0; k < model.Vehicles.Count; k++)
        {
            var vehicle = model.Vehicles[k];
            if (vehicle.First != 0)
            {
                continue;
            }

            var values = solution.Vehicles[k];
            var v = vehicle.Vehicle;
            if (SemiContinuousRepair.IsFractional(values.Charge[0], v.Charge.MinKw))
            {
                candidates.Add(new Candidate(k, ChargeDirection.Charge, vehicle.Charge[0], vehicle.Discharge?[0], v.Charge.MinKw));
            }

            if (vehicle.Discharge is { } discharge && SemiContinuousRepair.IsFractional(values.Discharge[0], v.Discharge.MinKw))
            {
                candidates.Add(new Candidate(k, ChargeDirection.Discharge, discharge[0], vehicle.Charge[0], v.Discharge.MinKw));
            }
        }

        return candidates;
    }

    /// <summary>Bit i of <paramref name="mask"/> set: candidate i at least its minimum (the other direction off); clear: 0.</summary>
    public static void Apply(List<Candidate> candidates, int mask)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if ((mask & (1 << i)) != 0)
            {
                c.Variable.SetLb(c.Minimum);
                c.Opposite?.SetUb(0);
            }
            else
            {
                c.Variable.SetUb(0);
            }
        }
    }

    /// <summary>The combination <paramref name="solution"/> took in slot 0 (bit i set: candidate i on).</summary>
    public static int Chosen(List<Candidate> candidates, Solution solution)
    {
        var mask = 0;
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            var values = solution.Vehicles[c.Vehicle];
            var power = c.Direction == ChargeDirection.Charge ? values.Charge[0] : values.Discharge[0];
            if (power > SemiContinuousRepair.Tolerance)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }

    public readonly record struct Candidate(int Vehicle, ChargeDirection Direction, Variable Variable, Variable? Opposite, double Minimum);
}
