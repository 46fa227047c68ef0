namespace GridEdge.Optimization;

internal static class SolverProbe
{
    public static bool HighsLoads() => Google.OrTools.LinearSolver.Solver.CreateSolver("HIGHS") is not null;
}
