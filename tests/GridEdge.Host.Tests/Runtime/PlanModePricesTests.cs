using System.Globalization;
using System.Text;
using GridEdge.Host.Cli;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>
/// Mode plan with a JEPX price file: the demo's evening arrival (12 kWh by 07:00) on a tariff of 40
/// JPY/kWh, 15 from 01:00 to 05:00 — and a price file whose Tokyo column is 60 except for a cheap
/// window elsewhere. The plan follows the file, not the tariff.
/// </summary>
public sealed class PlanModePricesTests : IDisposable
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private readonly string _directory = Directory.CreateTempSubdirectory("gridedge-plan-prices-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PriceFile => Path.Combine(_directory, "prices", "jepx.csv");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    /// <summary>The demo site with the visitor in mode plan, a tariff and <c>planning.prices</c> from prices/jepx.csv next to the site file.</summary>
    private SiteConfiguration Site()
    {
        var yaml = DemoSiteYaml.EveningVisitor("plan", DemoSiteYaml.NightTariffAndPlanning + """
              keep: 0
              prices:
                source: file
                path: prices/jepx.csv
                format: jepx
                column: tokyo
            """);
        var load = SiteConfigLoader.Parse(yaml, Path.Combine(_directory, "night.yaml"));
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    /// <summary>
    /// JEPX half hours around <paramref name="start"/>: Tokyo 2 JPY/kWh from <paramref name="cheapFrom"/> for
    /// two hours (JST), 60 otherwise; the system price column is a flat 99 that must not be used.
    /// </summary>
    private void WritePrices(DateTimeOffset start, TimeOnly cheapFrom, int stampMinute)
    {
        var csv = new StringBuilder("date,slot,price,tokyo\n");
        for (var at = start.AddHours(-2); at < start.AddHours(30); at = at.AddMinutes(30))
        {
            var jst = at.ToOffset(Jst);
            var time = TimeOnly.FromTimeSpan(jst.TimeOfDay);
            var cheap = time >= cheapFrom && time < cheapFrom.AddHours(2);
            csv.Append(CultureInfo.InvariantCulture, $"{jst:yyyy/MM/dd},{(jst.Hour * 2) + (jst.Minute / 30) + 1},99,{(cheap ? 2 : 60)}\n");
        }

        Directory.CreateDirectory(Path.GetDirectoryName(PriceFile)!);
        File.WriteAllText(PriceFile, csv.ToString());
        // A distinct time stamp, as a new upload has: the feed re-reads on a changed stamp.
        File.SetLastWriteTimeUtc(PriceFile, new DateTime(2026, 1, 1, 0, stampMinute, 0, DateTimeKind.Utc));
    }

    private static async Task<double> VisitorChargedWh(SiteConfiguration configuration, TimeSpan duration)
    {
        var run = await FastRun.SimulateAsync(configuration, duration, NullLogger.Instance, Ct);
        Assert.Empty(run.Problems);
        return run.Summary!.ChargePoints["visitor"].EvChargedWh;
    }

    [Fact]
    public async Task The_car_charges_in_the_cheap_half_hours_of_the_price_file_rather_than_the_tariffs()
    {
        var configuration = Site();
        WritePrices(FastRun.Start(configuration, TimeProvider.System.GetUtcNow()), new TimeOnly(19, 0), 1);

        // 18:00–19:00 at 60: nothing yet (there is no PV at night to add on top).
        Assert.True(await VisitorChargedWh(configuration, TimeSpan.FromHours(1)) < 100);
        // 19:00–21:00 at 2 JPY/kWh: the 12 kWh are in by 21:00, long before the tariff's cheap 01:00–05:00.
        Assert.True(await VisitorChargedWh(configuration, TimeSpan.FromHours(3)) >= 11_900);
    }

    [Fact]
    public async Task A_new_price_schedule_re_plans_at_once_and_an_unchanged_one_does_not()
    {
        var configuration = Site();
        var start = FastRun.Start(configuration, TimeProvider.System.GetUtcNow());
        WritePrices(start, new TimeOnly(19, 0), 1);
        var time = new SteppedTimeProvider(start);
        await using var devices = SiteDevices.Create(configuration, time, out _, inProcess: true);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance, planSynchronously: true);
        var inputs = runtime.PlanningInputs!;
        await inputs.LoadAsync(Ct);

        async Task Steps(int seconds)
        {
            for (var i = 0; i < seconds; i++)
            {
                await runtime.StepAsync(Ct);
                time.Advance(TimeSpan.FromSeconds(1));
            }
        }

        double PlannedW(double hoursFromStart) => runtime.Controller.Plan!.PowerAt("visitor", start.AddHours(hoursFromStart))!.Value.Watts;

        await Steps(60);
        Assert.Equal(1, runtime.PlansMade);
        Assert.True(PlannedW(1.25) > 0, "19:15 is cheap in the first file");
        Assert.Equal(0, PlannedW(8.25));

        // Mid-slot, same car: the new file alone moves the charge to 02:00–04:00.
        WritePrices(start, new TimeOnly(2, 0), 2);
        await inputs.LoadAsync(Ct);
        await Steps(1);
        Assert.Equal(2, runtime.PlansMade);
        Assert.Equal(0, PlannedW(1.25));
        Assert.True(PlannedW(8.25) > 0, "02:15 is cheap in the second file");

        // Read again, unchanged: no re-plan.
        await inputs.LoadAsync(Ct);
        await Steps(10);
        Assert.Equal(2, runtime.PlansMade);
    }
}
