namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// A finished scenario run: the dispatch, its score, how each re-plan went (time, failures, plans whose
/// minimum-power repair did not converge) and how often the controller had to round a planned car power.
/// </summary>
public sealed record ScenarioRunResult(
    IReadOnlyList<DispatchRow> Dispatch,
    DispatchScore Score,
    IReadOnlyList<TimeSpan> SolveTimes,
    int FailedPlans,
    int MinPowerRoundings,
    int IncompleteRepairs)
{
    public SolveTimeSummary SolveSummary => SolveTimeSummary.Of(SolveTimes);
}
