using GridEdge.Host.Tests.Cli;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Configuration;

/// <summary>Every site file shipped in firmware-config/sites validates, and the simulated ones run.</summary>
public sealed class ExampleSitesTests
{
    public static TheoryData<string> Sites() => [.. Directory.GetFiles(RepoPaths.SitesDir, "*.yaml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Sites))]
    public async Task Shipped_site_validates(string file)
    {
        var (exit, output, error) = await CliTests.Run("validate", Path.Combine(RepoPaths.SitesDir, file));

        Assert.True(exit == 0, error);
        Assert.Contains(": OK (", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Japanese_v2h_evening_covers_the_house_from_the_car()
    {
        var (exit, output, error) = await CliTests.Run("run", "--site", RepoPaths.Site("jp-home-v2h"), "--duration", "3h", "--fast");

        Assert.True(exit == 0, error);
        using var summary = System.Text.Json.JsonDocument.Parse(output);
        var energy = summary.RootElement.GetProperty("energy_wh");
        // 17:00–20:00: the car gives back most of what the house uses, and nothing goes to the grid.
        Assert.True(energy.GetProperty("ev_discharged").GetDouble() > 2 * energy.GetProperty("grid_import").GetDouble(),
            $"discharged {energy.GetProperty("ev_discharged")} Wh, imported {energy.GetProperty("grid_import")} Wh");
        Assert.True(energy.GetProperty("grid_export").GetDouble() < 50, $"exported {energy.GetProperty("grid_export")} Wh");
    }
}
