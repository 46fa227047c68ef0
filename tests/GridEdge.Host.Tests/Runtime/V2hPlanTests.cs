using GridEdge.Host.Cli;
using GridEdge.Host.Configuration;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>
/// Mode plan on the Japanese V2H home from 17:00: whether the car covers the evening house load is the
/// planner's decision, made from the tariff — worth it when the evening costs 40 and the night 15,
/// not when every hour costs the same (the round trip through the car loses energy).
/// </summary>
public sealed class V2hPlanTests
{
    private static SiteConfiguration V2hHome(string tariff)
    {
        var yaml = File.ReadAllText(Path.Combine(RepoPaths.Root, "firmware-config", "sites", "jp-home-v2h.yaml"))
            .Replace("    mode: v2h                 #", "    mode: plan                #", StringComparison.Ordinal)
            .Replace("control:\n", $$"""
                {{tariff}}

                planning:
                  slot: 30m
                  latitude: 35.45
                  longitude: 139.63
                  keep: 0

                control:

                """.Replace("                ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        var load = SiteConfigLoader.Parse(yaml, "jp-home-v2h-plan.yaml");
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    private static async Task<(double DischargedWh, double ImportWh)> Evening(SiteConfiguration configuration)
    {
        var run = await FastRun.SimulateAsync(configuration, TimeSpan.FromHours(5), NullLogger.Instance, TestContext.Current.CancellationToken);
        Assert.Empty(run.Problems);
        return (run.Summary!.EnergyWh.EvDischarged, run.Summary.EnergyWh.GridImport);
    }

    [Fact]
    public async Task An_expensive_evening_is_covered_from_the_car()
    {
        var (discharged, imported) = await Evening(V2hHome("""
            tariff:
              import_price_per_kwh: 28
              time_of_use:
                - { from: "17:00", to: "23:00", import_price_per_kwh: 40 }
                - { from: "23:00", to: "07:00", import_price_per_kwh: 15 }
            """));

        // 17:00–22:00: the house's evening (≈ 0.5–1.4 kW plus spikes) comes from the car, not the grid.
        Assert.True(discharged > 2000, $"discharged {discharged} Wh");
        Assert.True(imported < discharged / 2, $"imported {imported} Wh while discharging {discharged} Wh");
    }

    [Fact]
    public async Task A_flat_price_keeps_the_car_for_driving()
    {
        var (discharged, _) = await Evening(V2hHome("""
            tariff:
              import_price_per_kwh: 28
            """));

        Assert.True(discharged < 200, $"discharged {discharged} Wh");
    }
}
