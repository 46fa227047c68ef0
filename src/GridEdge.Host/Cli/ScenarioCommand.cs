using System.CommandLine;
using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;

namespace GridEdge.Host.Cli;

/// <summary>`gridedge scenario run DIR --out FILE [--forecast perfect|scenario] [--solver highs|glop|clp|pdlp] [--horizon T] [--json]`.</summary>
internal static class ScenarioCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var dir = new Argument<string>("DIR") { Description = "Scenario folder (shared/scenarios format) or its scenario.json" };
        var output = new Option<string>("--out") { Description = "Where to write the dispatch CSV", Required = true };
        var forecast = new Option<string>("--forecast")
        {
            Description = "What the planner sees ahead: the forecast columns (scenario) or the actual ones (perfect)",
            DefaultValueFactory = _ => "scenario",
        };
        forecast.AcceptOnlyFromAmong("scenario", "perfect");
        var solver = new Option<string>("--solver") { Description = "LP solver", DefaultValueFactory = _ => "highs" };
        solver.AcceptOnlyFromAmong("highs", "glop", "clp", "pdlp");
        var horizon = DurationOption.Create("--horizon", "Rolling horizon length (default 36h)");
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object" };
        var run = new Command("run", "Runs a scenario slot by slot through the planner and the slot controller, writes the dispatch CSV and prints the cost summary.")
        {
            dir, output, forecast, solver, horizon, json,
        };
        run.SetAction((parse, cancellationToken) => ScenarioRun.RunAsync(
            new ScenarioRunRequest(
                parse.GetRequiredValue(dir),
                parse.GetRequiredValue(output),
                parse.GetValue(forecast) == "perfect" ? ForecastMode.Perfect : ForecastMode.Scenario,
                Enum.Parse<SolverKind>(parse.GetValue(solver) ?? "highs", ignoreCase: true),
                parse.GetValue(horizon),
                parse.GetValue(json)),
            stdout,
            stderr,
            cancellationToken));
        return new Command("scenario", "Benchmark scenarios: run the planner against shared/scenarios-format sites.") { run };
    }
}
