using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>The whole LP (or, exact, MIP) of one horizon: grid, battery, vehicles, demand charge and churn terms.</summary>
internal sealed record PlanModel(
    ModelContext Context,
    GridVariables Grid,
    BatteryVariables? Battery,
    IReadOnlyList<VehicleVariables> Vehicles,
    DemandChargeVariables? Demand) : IDisposable
{
    public Solver Solver => Context.Solver;

    /// <summary>Builds the LP, or with <paramref name="exact"/> the MIP with binaries for the minimum powers.</summary>
    public static PlanModel Build(PlanningRequest request, PlannerOptions options, bool exact = false)
    {
        var solver = SolverFactory.Create(options);
        var context = new ModelContext(solver, request, exact, options);
        try
        {
            var grid = GridVariables.Add(context);
            var battery = BatteryVariables.Add(context);
            var vehicles = new List<VehicleVariables>(request.Vehicles.Count);
            foreach (var vehicle in request.Vehicles)
            {
                if (VehicleVariables.Add(context, vehicle) is { } added)
                {
                    vehicles.Add(added);
                }
            }

            var demand = DemandChargeVariables.Add(context, grid);
            ChurnPenalty.Add(context, options, battery, vehicles);
            return new PlanModel(context, grid, battery, vehicles, demand);
        }
        catch
        {
            context.Dispose();
            throw;
        }
    }

    public void Dispose() => Context.Dispose();
}
