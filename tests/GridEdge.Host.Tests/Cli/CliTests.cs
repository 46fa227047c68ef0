using System.Text.Json;
using GridEdge.Host.Cli;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Cli;

/// <summary>The `gridedge` command line in-process: exit codes and output shapes of CLI.md.</summary>
public sealed class CliTests
{
    /// <summary>Runs the CLI in-process and returns its exit code, stdout and stderr.</summary>
    internal static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await GridEdgeCli.InvokeAsync(args, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public async Task Help_lists_the_verbs_and_exits_0()
    {
        var (exit, output, _) = await Run("--help");

        Assert.Equal(0, exit);
        Assert.Contains("run", output, StringComparison.Ordinal);
        Assert.Contains("validate", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_help_names_its_options()
    {
        var (exit, output, _) = await Run("run", "--help");

        Assert.Equal(0, exit);
        foreach (var option in new[] { "--site", "--duration", "--fast", "--api-url" })
        {
            Assert.Contains(option, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("run", "--bogus")]
    [InlineData("run", "--duration", "soon")]
    [InlineData("run", "--duration", "0s")]
    [InlineData("run", "--api-url", "ftp://x:1")]
    [InlineData("validate")]
    public async Task Usage_errors_exit_2_with_a_message(params string[] args)
    {
        var (exit, _, error) = await Run(args);

        Assert.Equal(2, exit);
        Assert.StartsWith("gridedge: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duration_error_names_the_option_and_the_syntax()
    {
        var (_, _, error) = await Run("run", "--duration", "soon");

        Assert.Contains("--duration: 'soon' is not a duration; expected a number with unit ms, s, m, h or d", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_accepts_the_demo_site()
    {
        var (exit, output, error) = await Run("validate", RepoPaths.DemoSite);

        Assert.Equal(0, exit);
        Assert.Contains("OK (3 chargers, 2 meters)", output, StringComparison.Ordinal);
        Assert.Equal("", error);
    }

    [Fact]
    public async Task Run_with_a_broken_site_exits_2_and_lists_every_error()
    {
        var path = Path.Combine(Path.GetTempPath(), $"gridedge-bad-{Guid.NewGuid():N}.yaml");
        await File.WriteAllTextAsync(path, """
            site: { id: Bad Site, name: x, timezone: Asia/Tokyo, currency: JPY }
            grid: { phases: 3, voltage_v: 230, max_current_a: 25, meter: nowhere }
            meters: [ { id: grid, role: grid, simulated: true } ]
            simulation: { pv: { peak_w: 1000 } }
            """, TestContext.Current.CancellationToken);
        try
        {
            var (exit, output, error) = await Run("run", "--site", path, "--fast", "--duration", "1m");
            var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);

            Assert.Equal(2, exit);
            Assert.Equal("", output);
            Assert.Equal(2, lines.Length);
            Assert.Contains(lines, l => l.StartsWith($"{path}:1:", StringComparison.Ordinal) && l.Contains("site.id", StringComparison.Ordinal));
            Assert.Contains(lines, l => l.StartsWith($"{path}:2:", StringComparison.Ordinal) && l.Contains("grid.meter: 'nowhere' is not a meter id", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_with_a_missing_site_file_exits_2()
    {
        var (exit, _, error) = await Run("run", "--site", "/nonexistent/site.yaml", "--fast", "--duration", "1m");

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/site.yaml", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fast_run_needs_a_duration()
    {
        var (exit, _, error) = await Run("run", "--fast");

        Assert.Equal(2, exit);
        Assert.Contains("--fast needs --duration", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fast_run_prints_the_summary_with_the_contract_keys()
    {
        var (exit, output, _) = await Run("run", "--duration", "2h", "--fast");

        Assert.Equal(0, exit);
        using var summary = JsonDocument.Parse(output);
        var root = summary.RootElement;
        foreach (var key in new[] { "grid_import", "grid_export", "pv", "ev_charged", "ev_discharged" })
        {
            Assert.True(root.GetProperty("energy_wh").GetProperty(key).GetDouble() >= 0, key);
        }

        Assert.True(root.GetProperty("energy_wh").GetProperty("ev_charged").GetDouble() > 1000);
        Assert.InRange(root.GetProperty("self_consumption").GetDouble(), 0, 1);
        Assert.True(root.GetProperty("max_grid_import_w").GetDouble() > 0);
        Assert.True(root.GetProperty("setpoints_sent").GetInt64() > 0);
        Assert.Equal(0, root.GetProperty("failsafe_events").GetInt64());
        Assert.Equal(7201, root.GetProperty("cycles").GetInt64());
    }
}
