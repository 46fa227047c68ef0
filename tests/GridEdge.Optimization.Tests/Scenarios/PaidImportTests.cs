using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>
/// Negative import prices (the scenario format allows them): being paid to import, the run curtails PV
/// rather than letting it displace paid import, and keeps the battery's room for that import instead of
/// filling it with free PV earlier.
/// </summary>
public sealed class PaidImportTests
{
    /// <summary>Three hours: a sunny hour at positive import price and negative export, a paid-import hour, an evening.</summary>
    private static Scenario ThreeHours()
    {
        var series = new ScenarioSeries(
            PvForecastKw: [3, 3, 0],
            PvActualKw: [3, 3, 0],
            LoadForecastKw: [1, 1, 5],
            LoadActualKw: [1, 1, 5],
            ImportPrice: [0.2, -0.1, 0.3],
            ExportPrice: [-0.05, -0.2, 0.1],
            Co2GramsPerKwh: [0, 0, 0]);
        var battery = new ScenarioBattery(new BatterySpec(0, 5, 0, 5, 5, 1, 1, 0), 5, 0);
        return new Scenario("paid-import", 60, 3, new DateTimeOffset(2026, 5, 10, 11, 0, 0, TimeSpan.FromHours(2)), "EUR",
            new GridTerms(20, 20), battery, [], new Penalties(100, 0), series);
    }

    [Fact]
    public void Paid_import_fills_the_battery_and_pv_is_curtailed_for_it()
    {
        var options = new ScenarioRunOptions { Forecast = ForecastMode.Perfect };
        var result = new ScenarioRunner(new LpPlanner(options.Planner), options).Run(ThreeHours(), TestContext.Current.CancellationToken);
        var rows = result.Dispatch;

        // Hour 1: the house takes 1 kW of PV, the other 2 kW are curtailed (exporting costs 0.05; storing
        // them would take room the paid hour fills at a profit).
        Assert.Equal(0, rows[0].BatteryKw, 6);
        Assert.Equal(2, rows[0].CurtailedKw, 6);
        // Hour 2: all PV curtailed, 1 kW for the house + 5 kW into the battery bought at −0.1.
        Assert.Equal(6, rows[1].ImportKw, 6);
        Assert.Equal(3, rows[1].CurtailedKw, 6);
        Assert.Equal(5, rows[1].BatteryKw, 6);
        // Evening: the battery covers the house.
        Assert.Equal(-5, rows[2].BatteryKw, 6);
        Assert.Equal(-0.6, result.Score.Cost.Total, 6);
    }
}
