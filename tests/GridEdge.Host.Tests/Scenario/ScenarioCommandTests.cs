using System.Text.Json;
using GridEdge.Host.Cli;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Scenario;

/// <summary>`gridedge scenario run` in-process: the summary JSON of CLI.md, the dispatch CSV, exit 2 on a bad scenario.</summary>
public sealed class ScenarioCommandTests
{
    private static readonly string Scenarios = Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "scenarios"));

    private static Task<(int Exit, string Out, string Err)> Run(params string[] args) => Cli.CliTests.Run(args);

    [Fact]
    public async Task Run_prints_the_summary_json_and_writes_the_dispatch()
    {
        var dir = Path.Combine(Scenarios, "jp-home-v2h");
        if (!Directory.Exists(dir))
        {
            Assert.Skip($"scenario folder {dir} is missing (../shared/scenarios next to the repository)");
        }

        var csv = Path.Combine(Path.GetTempPath(), $"gridedge-dispatch-{Guid.NewGuid():N}.csv");
        try
        {
            var (exit, output, error) = await Run("scenario", "run", dir, "--out", csv, "--forecast", "perfect", "--json");

            Assert.True(exit == 0, error);
            using var json = JsonDocument.Parse(output);
            var root = json.RootElement;
            var cost = root.GetProperty("cost");
            foreach (var part in new[] { "total", "energy_import", "energy_export_revenue", "demand_charge", "battery_cycle", "unmet_penalty", "co2" })
            {
                Assert.Equal(JsonValueKind.Number, cost.GetProperty(part).ValueKind);
            }

            Assert.True(cost.GetProperty("total").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("unmet_kwh").ValueKind);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("peak_30min_import_kw").ValueKind);
            Assert.Equal(JsonValueKind.Number, root.GetProperty("co2_kg").ValueKind);
            Assert.Equal(48, root.GetProperty("solve_ms").GetProperty("count").GetInt32());
            Assert.True(root.GetProperty("solve_ms").GetProperty("p95").GetDouble() >= root.GetProperty("solve_ms").GetProperty("p50").GetDouble());
            var lines = await File.ReadAllLinesAsync(csv, TestContext.Current.CancellationToken);
            Assert.Equal("slot,grid_import_kw,grid_export_kw,battery_kw,pv_curtailed_kw,ev_leaf40_kw", lines[0]);
            Assert.Equal(49, lines.Length);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Fact]
    public async Task A_bad_scenario_exits_2_with_one_line_naming_file_and_field()
    {
        var dir = Directory.CreateTempSubdirectory("gridedge-bad-scenario-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(dir, "scenario.json"), """{"name":"x","slot_minutes":20}""", TestContext.Current.CancellationToken);

            var (exit, _, error) = await Run("scenario", "run", dir, "--out", Path.Combine(dir, "d.csv"));

            Assert.Equal(2, exit);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("scenario.json: slot_minutes: must be 15 or 30", line, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task An_unknown_solver_is_a_usage_error()
    {
        var (exit, _, _) = await Run("scenario", "run", "x", "--out", "y.csv", "--solver", "gurobi");

        Assert.Equal(2, exit);
    }
}
