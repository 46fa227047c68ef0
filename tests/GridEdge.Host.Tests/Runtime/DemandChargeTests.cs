using System.Text.Json;
using GridEdge.Host.Cli;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Host.Status;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>
/// The demo site with a demand charge billed above 3 kW: three cars (one on `now`) and the house would
/// import well above that at noon; the controller holds every half hour's average at the billed peak,
/// and the status shows the open window as a demand monitor does.
/// </summary>
public sealed class DemandChargeTests
{
    private static SiteConfiguration Demo(string tariff)
    {
        var yaml = DemoSiteYaml.With(tariff);
        var load = SiteConfigLoader.Parse(yaml, "demo-demand.yaml");
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    private static async Task<SiteRuntime> Run(SiteConfiguration configuration, TimeSpan duration)
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new SteppedTimeProvider(FastRun.Start(configuration, TimeProvider.System.GetUtcNow()));
        var devices = SiteDevices.Create(configuration, time, out _, inProcess: true);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance);
        for (var second = 0; second < duration.TotalSeconds; second++)
        {
            await runtime.StepAsync(ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        await devices.DisposeAsync();
        return runtime;
    }

    [Fact]
    public async Task Every_half_hour_stays_at_the_billed_peak()
    {
        // 10:30 to 12:00 site time: three closed half hours.
        var runtime = await Run(Demo("""
            tariff:
              import_price_per_kwh: 30
              demand_charge_per_kw: 1800
              billed_peak_w: 3000
            """), TimeSpan.FromMinutes(90) + TimeSpan.FromSeconds(5));

        var demand = runtime.Controller.Demand!;
        Assert.InRange(demand.PeakKw, 3, 3.1);
        Assert.InRange(runtime.Summary().MaxHalfHourImportW, 2000, 3100);
        var status = runtime.Status!.Demand!;
        Assert.Equal(demand.PeakKw, status.BilledPeakKw, 2);
        var json = JsonSerializer.Serialize(runtime.Status, JsonOutput.Options);
        Assert.Contains("\"billed_peak_kw\":3", json, StringComparison.Ordinal);
        Assert.Contains("\"projected_kw\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_the_demand_charge_the_same_noon_imports_more()
    {
        var runtime = await Run(Demo("""
            tariff:
              import_price_per_kwh: 30
            """), TimeSpan.FromMinutes(30));

        Assert.Null(runtime.Controller.Demand);
        Assert.Null(runtime.Status!.Demand);
        // 10:30–11:00: the half hour's average import, as the demand charge would bill it.
        var summary = runtime.Summary();
        Assert.True(summary.MaxHalfHourImportW > 4000, $"half-hour average {summary.MaxHalfHourImportW} W");
        Assert.Equal(summary.EnergyWh.GridImport / 0.5, summary.MaxHalfHourImportW, 0.5);
    }
}
