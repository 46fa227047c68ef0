namespace GridEdge.Optimization.Planning;

/// <summary>How a plan was obtained: solver, outcome, time spent in each phase, repair passes.</summary>
public sealed record PlanStatistics(
    string Solver,
    PlanOutcome Outcome,
    TimeSpan BuildTime,
    TimeSpan SolveTime,
    TimeSpan ExtractTime,
    int Solves,
    int RepairedPowers,
    int Variables,
    int Constraints)
{
    public TimeSpan Total => BuildTime + SolveTime + ExtractTime;
}
