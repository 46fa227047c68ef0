namespace GridEdge.Optimization.Planning;

/// <summary>The LP solvers OR-Tools bundles. HiGHS is the default: fastest on these models.</summary>
public enum SolverKind
{
    Highs,
    Glop,
    Clp,
    Pdlp,
}
