using Google.OrTools.LinearSolver;
using GridEdge.Optimization.Model;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Optimization.Planning;

/// <summary>
/// The planner: one LP per horizon (OR-Tools, HiGHS by default), then minimum-power repair passes
/// that re-solve with the sub-minimum powers rounded and fixed; a small horizon (a home) is
/// solved exactly as a MIP instead (<see cref="PlannerOptions.ExactUpTo"/>).
/// </summary>
public sealed class LpPlanner : IPlanner
{
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public LpPlanner(PlannerOptions? options = null, TimeProvider? time = null, ILogger<LpPlanner>? logger = null)
    {
        Options = options ?? new PlannerOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    public PlannerOptions Options { get; }

    public Plan CreatePlan(PlanningRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        cancellationToken.ThrowIfCancellationRequested();
        var decisions = MinimumPowerSwitches.Count(request);
        var exactStarted = _time.GetTimestamp();
        if (Options.Solver == SolverKind.Highs && decisions > 0 && decisions <= Options.ExactUpTo
            && SolveExact(request, decisions, cancellationToken) is { } exact)
        {
            return exact;
        }

        var started = _time.GetTimestamp();
        // A MIP that gave up still took its time: it counts as solve time of this plan.
        var spentOnExact = _time.GetElapsedTime(exactStarted, started);
        using var model = PlanModel.Build(request, Options);
        var built = _time.GetTimestamp();
        using var interrupt = cancellationToken.Register(() => model.Solver.InterruptSolve());

        var status = model.Solver.Solve();
        var solves = 1;
        if (!Succeeded(status))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.SolveFailed(_logger, SolverFactory.Name(Options.Solver), status.ToString(), request.Slots.Count);
            return Failed(request, model, started, built);
        }

        var outcome = status == Solver.ResultStatus.OPTIMAL ? PlanOutcome.Optimal : PlanOutcome.Feasible;
        var solution = Solution.Read(model);
        var powers = model.Vehicles.Sum(v => v.Count);
        var repairSlots = Options.RepairSlots is { } slots && powers > Options.RepairWholeHorizonUpTo ? slots : request.Slots.Count;
        var candidates = FirstSlotEnumeration.Candidates(model, solution);
        var enumerate = candidates.Count > 0 && candidates.Count <= Options.EnumerateFirstSlot;
        var snapshot = enumerate ? BoundsSnapshot.Take(model, repairSlots) : null;
        var result = Repair(model, solution, repairSlots, cancellationToken);
        if (snapshot is not null)
        {
            // The balanced rounding is one of the 2^n choices for slot 0; try the others too.
            var chosen = result.Complete ? FirstSlotEnumeration.Chosen(candidates, result.Solution) : -1;
            for (var mask = 0; mask < 1 << candidates.Count; mask++)
            {
                if (mask == chosen)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                snapshot.Restore();
                FirstSlotEnumeration.Apply(candidates, mask);
                status = model.Solver.Solve();
                solves++;
                if (!Succeeded(status))
                {
                    continue;
                }

                var alternative = Repair(model, Solution.Read(model), repairSlots, cancellationToken);
                solves += alternative.Solves;
                if (alternative.Complete && (!result.Complete || alternative.Solution.Objective < result.Solution.Objective - 1e-9))
                {
                    result = alternative with { Solves = result.Solves };
                }
            }
        }

        solves += result.Solves;
        var repaired = result.Repaired;
        solution = result.Solution;
        if (!result.Complete)
        {
            outcome = PlanOutcome.Feasible;
        }

        if (outcome == PlanOutcome.Optimal && SemiContinuousRepair.CountFractional(model, solution, repairSlots) > 0)
        {
            // Out of passes: the controller rounds what is left, so the plan is no longer exactly optimal.
            outcome = PlanOutcome.Feasible;
        }

        var solved = _time.GetTimestamp();
        var statistics = Statistics(model, outcome, started, built, solved, solves, repaired);
        statistics = statistics with { SolveTime = statistics.SolveTime + spentOnExact };
        var plan = PlanExtractor.ToPlan(model, solution, statistics);
        plan = plan with { Statistics = statistics with { ExtractTime = _time.GetElapsedTime(solved) } };
        Log.Planned(_logger, request.Slots.Count, request.Vehicles.Count, plan.Objective, solves, plan.Statistics.Total.TotalMilliseconds);
        return plan;
    }

    /// <summary>
    /// Rounds the powers below minimum in the first <paramref name="repairSlots"/> slots and re-solves,
    /// up to <see cref="PlannerOptions.RepairPasses"/> times, turning roundings back where they cost a shortfall.
    /// </summary>
    private RepairOutcome Repair(PlanModel model, Solution solution, int repairSlots, CancellationToken cancellationToken)
    {
        var solves = 0;
        var repaired = 0;
        var switchedOff = new List<SwitchedOff>();
        for (var pass = 0; pass < Options.RepairPasses; pass++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fixedNow = SemiContinuousRepair.Pass(model, solution, repairSlots, switchedOff);
            if (fixedNow == 0)
            {
                break;
            }

            repaired += fixedNow;
            var before = solution;
            var status = Solver.ResultStatus.NOT_SOLVED;
            for (var attempt = 0; attempt < 2; attempt++)
            {
                status = model.Solver.Solve();
                solves++;
                if (!Succeeded(status))
                {
                    break;
                }

                solution = Solution.Read(model);
                if (attempt == 1 || SemiContinuousRepair.RestoreWhereShort(model, before, solution, switchedOff) == 0)
                {
                    break;
                }
            }

            if (!Succeeded(status))
            {
                // Rounding up can make the LP infeasible (grid limit); the previous pass stands and the
                // controller enforces the minimum on what it applies.
                Log.RepairGaveUp(_logger, pass + 1, status.ToString());
                return new RepairOutcome(before, solves, repaired, false);
            }
        }

        return new RepairOutcome(solution, solves, repaired, true);
    }

    /// <summary>The MIP with a binary per minimum power; null when it finds no solution in time (the LP path takes over).</summary>
    private Plan? SolveExact(PlanningRequest request, int decisions, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        using var model = PlanModel.Build(request, Options, exact: true);
        model.Solver.SetTimeLimit((long)Math.Max(1, Math.Min(Options.TimeLimit.TotalMilliseconds, Options.ExactTimeLimit.TotalMilliseconds)));
        var built = _time.GetTimestamp();
        using var interrupt = cancellationToken.Register(() => model.Solver.InterruptSolve());
        using var parameters = new MPSolverParameters();
        parameters.SetDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, Options.MipGap);
        var status = model.Solver.Solve(parameters);
        if (!Succeeded(status))
        {
            cancellationToken.ThrowIfCancellationRequested();
            Log.ExactGaveUp(_logger, decisions, status.ToString());
            return null;
        }

        var solved = _time.GetTimestamp();
        var outcome = status == Solver.ResultStatus.OPTIMAL ? PlanOutcome.Optimal : PlanOutcome.Feasible;
        var statistics = Statistics(model, outcome, started, built, solved, 1, 0) with { Solver = SolverFactory.Name(Options.Solver) + "-MIP" };
        var plan = PlanExtractor.ToPlan(model, Solution.Read(model), statistics);
        plan = plan with { Statistics = statistics with { ExtractTime = _time.GetElapsedTime(solved) } };
        Log.Planned(_logger, request.Slots.Count, request.Vehicles.Count, plan.Objective, 1, plan.Statistics.Total.TotalMilliseconds);
        return plan;
    }

    /// <summary>The LP of <paramref name="request"/> (before any repair) as text, e.g. to replay it or time another solver on it.</summary>
    public string ExportModel(PlanningRequest request, ModelFormat format)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var model = PlanModel.Build(request, Options);
        return format == ModelFormat.Lp
            ? model.Solver.ExportModelAsLpFormat(false)
            : model.Solver.ExportModelAsMpsFormat(false, false);
    }

    private static bool Succeeded(Solver.ResultStatus status) =>
        status is Solver.ResultStatus.OPTIMAL or Solver.ResultStatus.FEASIBLE;

    private PlanStatistics Statistics(PlanModel model, PlanOutcome outcome, long started, long built, long solved, int solves, int repaired) => new(
        SolverFactory.Name(Options.Solver),
        outcome,
        _time.GetElapsedTime(started, built),
        _time.GetElapsedTime(built, solved),
        TimeSpan.Zero,
        solves,
        repaired,
        model.Solver.NumVariables(),
        model.Solver.NumConstraints());

    private Plan Failed(PlanningRequest request, PlanModel model, long started, long built)
    {
        var statistics = Statistics(model, PlanOutcome.Failed, started, built, _time.GetTimestamp(), 1, 0);
        return new Plan(request.Start, request.SlotLength, [], new Dictionary<string, double>(StringComparer.Ordinal), double.NaN, statistics);
    }
}
