namespace GridEdge.Optimization.Scenarios;

/// <summary>What the rolling planner sees of PV and load ahead.</summary>
public enum ForecastMode
{
    /// <summary>The scenario's forecast columns: what a real controller would know (the default).</summary>
    Scenario,

    /// <summary>The actual columns: perfect foresight, to measure the planner against the reference optimum.</summary>
    Perfect,
}
