using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// The LP under construction: the solver, the request, and the per-slot power balance rows every
/// device adds its flows to. Owns the native solver.
/// </summary>
internal sealed class ModelContext : IDisposable
{
    public ModelContext(Solver solver, PlanningRequest request, bool exact, PlannerOptions options)
    {
        Solver = solver;
        Request = request;
        Exact = exact;
        Horizon = request.Slots.Count;
        Dt = request.SlotHours;
        Objective = solver.Objective();
        Objective.SetMinimization();
        Balance = new Constraint[Horizon];
        for (var t = 0; t < Horizon; t++)
        {
            // import − export + PV used − loads = house load, filled in by each device.
            var load = request.Slots[t].LoadKw;
            Balance[t] = solver.MakeConstraint(load, load, "");
        }

        Prices = PriceLevels.Of(request);
        StoreLaterPerSlot = options.StoreEarlyPerHour * Math.Max(Prices.Mean, 1e-3) * Dt;
        ImportReservePerKwh = options.ImportReserveShare * Math.Max(Prices.Mean, 1e-3);
    }

    public Solver Solver { get; }

    public PlanningRequest Request { get; }

    /// <summary>Minimum powers as binaries (a MIP) rather than relaxed for the repair.</summary>
    public bool Exact { get; }

    public int Horizon { get; }

    /// <summary>Slot length in hours.</summary>
    public double Dt { get; }

    public Objective Objective { get; }

    public Constraint[] Balance { get; }

    public PriceLevels Prices { get; }

    /// <summary>What storing a kW one slot later costs extra (<see cref="PlannerOptions.StoreEarlyPerHour"/>).</summary>
    public double StoreLaterPerSlot { get; }

    /// <summary>What a kWh of import into the load surprise's reserve costs (<see cref="PlannerOptions.ImportReserveShare"/>).</summary>
    public double ImportReservePerKwh { get; }

    public Variable NumVar(double lower, double upper) => Solver.MakeNumVar(lower, upper, "");

    public void Dispose() => Solver.Dispose();
}
