using Google.OrTools.LinearSolver;

namespace GridEdge.Optimization.Model;

/// <summary>The bounds of the vehicles' powers in the first slots, so a repair can be undone and tried another way.</summary>
internal sealed class BoundsSnapshot
{
    private readonly List<(Variable Variable, double Lb, double Ub)> _bounds = [];

    public static BoundsSnapshot Take(PlanModel model, int slots)
    {
        var snapshot = new BoundsSnapshot();
        foreach (var vehicle in model.Vehicles)
        {
            for (var j = 0; j < Math.Min(vehicle.Count, slots - vehicle.First); j++)
            {
                snapshot.Add(vehicle.Charge[j]);
                if (vehicle.Discharge is { } discharge)
                {
                    snapshot.Add(discharge[j]);
                }
            }
        }

        return snapshot;
    }

    public void Restore()
    {
        foreach (var (variable, lb, ub) in _bounds)
        {
            variable.SetBounds(lb, ub);
        }
    }

    private void Add(Variable variable) => _bounds.Add((variable, variable.Lb(), variable.Ub()));
}
