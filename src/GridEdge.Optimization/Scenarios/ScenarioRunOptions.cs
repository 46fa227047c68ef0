using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>How a scenario is run: what the planner sees ahead, how far, and with which planner settings.</summary>
public sealed record ScenarioRunOptions
{
    public ForecastMode Forecast { get; init; } = ForecastMode.Scenario;

    /// <summary>Rolling horizon length; the last re-plans see less as the scenario ends.</summary>
    public TimeSpan Horizon { get; init; } = TimeSpan.FromHours(36);

    /// <summary>
    /// Planner settings. Only slot 0 of each plan is applied, so by default the minimum-power repair
    /// covers the first 2 slots and the rest of the horizon stays a relaxation, except on small sites
    /// (<see cref="PlannerOptions.RepairWholeHorizonUpTo"/>), where the whole horizon is repaired.
    /// </summary>
    public PlannerOptions Planner { get; init; } = new() { RepairSlots = 2 };
}
