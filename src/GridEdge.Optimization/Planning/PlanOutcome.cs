namespace GridEdge.Optimization.Planning;

/// <summary>What the solver delivered.</summary>
public enum PlanOutcome
{
    /// <summary>Optimal LP, every planned power respects the chargers' minimum.</summary>
    Optimal,

    /// <summary>Feasible but stopped by the time limit, or a repair pass had to be given up.</summary>
    Feasible,

    /// <summary>No plan: the solver failed or found the model infeasible.</summary>
    Failed,
}
