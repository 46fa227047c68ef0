using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;

namespace GridEdge.Host.Cli;

/// <summary>The parsed options of `gridedge scenario run`.</summary>
internal sealed record ScenarioRunRequest(string Directory, string OutputPath, ForecastMode Forecast, SolverKind Solver, TimeSpan? Horizon, bool Json);
