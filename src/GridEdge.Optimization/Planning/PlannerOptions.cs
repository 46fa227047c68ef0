namespace GridEdge.Optimization.Planning;

/// <summary>Tuning of the planner. Defaults suit a re-plan every slot on a small gateway.</summary>
public sealed record PlannerOptions
{
    public SolverKind Solver { get; init; } = SolverKind.Highs;

    /// <summary>Wall-clock limit per solve; the plan is then the best found, or the last plan stays.</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Solver threads; one keeps the control loop's core free.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>
    /// Slots from the start in which chargers' minimum power is enforced by repair (null = all). A rolling
    /// horizon only applies slot 0, so repairing the first few keeps re-plans cheap.
    /// </summary>
    public int? RepairSlots { get; init; }

    /// <summary>
    /// Models with at most this many vehicle powers (connected car-slots) are repaired over the whole
    /// horizon whatever <see cref="RepairSlots"/> says: a few cars re-solve fast, and rounding the later
    /// slots too is what tells slot 0 what the minimum powers will cost (e.g. the last kWh before
    /// departure cannot be bought at 0.1 kW in the cheapest slot). 2000 covers every home and office and
    /// a depot's last hours (depot-200 from 03:30, where rounding had let the night's half-hour peak creep
    /// above the billed one), while a whole depot-50 day (~2300) keeps the cheaper bounded repair.
    /// </summary>
    public int RepairWholeHorizonUpTo { get; init; } = 2000;

    /// <summary>
    /// Requests with at most this many on/off decisions (connected car-slots, twice for a bidirectional
    /// car) are solved exactly, as a MIP with one binary per decision (HiGHS only): a home (≈ 80–100)
    /// solves in milliseconds, and rounding cannot trade the minimum power against the demand charge
    /// wrongly (one V2H car at a billed peak: LP + repair raised the peak where the MIP does not). Larger
    /// ones, and any MIP that finds no solution in time, use LP + repair: at 500 the 20-car office's MIP
    /// mostly ran into its time limit without a solution, a second lost per re-plan for the same plan.
    /// -1 turns it off.
    /// </summary>
    public int ExactUpTo { get; init; } = 200;

    /// <summary>
    /// Wall-clock limit of the exact MIP: then its best solution so far is the plan (outcome Feasible), or,
    /// without any, LP + repair runs (the time spent counts in the plan's solve time).
    /// </summary>
    public TimeSpan ExactTimeLimit { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Charging the battery an hour later costs this share of the mean import price more per kW: the PV and
    /// load the plan expects later are forecasts, energy stored now is certain. Without it a plan is
    /// indifferent between storing the morning's PV now or the forecast afternoon's, and exports now; on
    /// jp-home-3day (PV forecast 0.85/0.45, actual 0.3/0.8) 0.002 moved quality 88.1 → 96.8 % for 0.05 %
    /// on eu-home-dynamic's perfect-forecast gap (measured 2026-11-24).
    /// </summary>
    public double StoreEarlyPerHour { get; init; } = 0.002;

    /// <summary>
    /// Import into the reserve kept below the grid limit for the load surprise costs this share of the mean
    /// import price per kWh (see <see cref="PlanningRequest.LoadSurpriseKw"/>): enough to move a car's last kWh
    /// to a slot a few percent dearer that has room, far below what shedding the car at departure costs.
    /// </summary>
    public double ImportReserveShare { get; init; } = 0.1;

    /// <summary>Relative gap at which the exact MIP stops.</summary>
    public double MipGap { get; init; } = 1e-4;

    /// <summary>Repair passes (LP re-solves) at most; what is still below minimum is then rounded without re-solving.</summary>
    public int RepairPasses { get; init; } = 4;

    /// <summary>
    /// When at most this many powers of slot 0 lie between 0 and the minimum, every on/off combination
    /// is solved and the cheapest kept (2^n LPs) before the balanced repair; 0 turns it off.
    /// </summary>
    public int EnumerateFirstSlot { get; init; } = 2;

    /// <summary>
    /// Cost per kW of setpoint change against the previous plan, as a fraction of the mean import price
    /// per kWh: small, so it only breaks ties between equally good plans.
    /// </summary>
    public double ChurnWeight { get; init; } = 0.002;

    /// <summary>Slots from the start in which churn is penalised (later slots are re-planned anyway).</summary>
    public int ChurnSlots { get; init; } = 4;
}
