using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>Creates the OR-Tools solver for a <see cref="SolverKind"/> with the planner's limits applied.</summary>
internal static class SolverFactory
{
    public static string Name(SolverKind kind) => kind switch
    {
        SolverKind.Highs => "HIGHS",
        SolverKind.Glop => "GLOP",
        SolverKind.Clp => "CLP",
        SolverKind.Pdlp => "PDLP",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown solver"),
    };

    public static Solver Create(PlannerOptions options)
    {
        var name = Name(options.Solver);
        var solver = Solver.CreateSolver(name)
            ?? throw new InvalidOperationException($"OR-Tools solver {name} is not available on this platform");
        solver.SetTimeLimit((long)Math.Max(1, options.TimeLimit.TotalMilliseconds));
        solver.SetNumThreads(Math.Max(1, options.Threads));
        solver.SuppressOutput();
        if (options.Solver == SolverKind.Highs)
        {
            // HiGHS writes its banner to stdout (the CLI's JSON) when the first option is set, unless
            // output is off by then: these parameters are applied before OR-Tools sets the time limit.
            solver.SetSolverSpecificParametersAsString("output_flag=false\nlog_to_console=false\n");
        }
        return solver;
    }
}
