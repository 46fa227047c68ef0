namespace GridEdge.Optimization.Planning;

/// <summary>Makes a plan for a horizon. Implementations are synchronous and CPU-bound: call them off the control thread.</summary>
public interface IPlanner
{
    /// <summary>The best plan for <paramref name="request"/>; a plan with <see cref="PlanOutcome.Failed"/> when there is none.</summary>
    Plan CreatePlan(PlanningRequest request, CancellationToken cancellationToken);
}
