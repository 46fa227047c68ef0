using GridEdge.Optimization.Planning;
using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>
/// The slot controller's answers to what the forecast got wrong, one hour-long slot at a time, with the
/// plan's slot given by hand: what it does with an unexpected surplus, and with a car at the edge of its band.
/// </summary>
public sealed class SlotControllerTests
{
    private static readonly DateTimeOffset Evening = new(2026, 10, 5, 18, 0, 0, TimeSpan.FromHours(9));

    /// <summary>A car needing 4 kWh by the end of the second hour (1.2–7.4 kW, η = 1), which costs 20 then.</summary>
    private static ScenarioVehicle Car(double energy = 10, double target = 14, int departure = 2, bool bidirectional = false) =>
        new("car", 0, departure, 60, energy, target, new ChargerRange(1.2, 7.4), bidirectional ? new ChargerRange(1, 6) : ChargerRange.None, 1, 1, 0);

    private static Scenario TwoHours(double[] pvForecast, double[] pvActual, double[] loadForecast, double[] loadActual, double[] importPrice, ScenarioVehicle car, ScenarioBattery? battery = null)
    {
        var series = new ScenarioSeries(pvForecast, pvActual, loadForecast, loadActual, importPrice, [8, 8], [0, 0]);
        return new Scenario("controller", 60, 2, Evening, "JPY", new GridTerms(20, 20), battery, [car], new Penalties(5000, 0), series);
    }

    private static PlanSlot Planned(double importKw, double exportKw, double batteryKw, double carKw, double carEnergyAfter, double carLeastAfter) =>
        new(Evening, importKw, exportKw, 20, batteryKw, 0, 0, [new VehicleSlotPlan("car", carKw, carEnergyAfter, carLeastAfter)]);

    [Fact]
    public void A_discharge_the_house_did_not_need_stays_in_the_battery()
    {
        // Planned: the battery covers the forecast 3 kW at 30. The house takes 2 kW: the spare kW stays in
        // the battery. Putting it into the car would round up to the charger's 1.2 kW and buy 0.2 kW at 30.
        var battery = new ScenarioBattery(new BatterySpec(0, 10, 0, 5, 5, 1, 1, 0), 10, 5);
        var scenario = TwoHours([0, 0], [0, 0], [3, 0], [2, 0], [30, 20], Car(), battery);

        var row = new SlotController(scenario).Apply(0, Planned(0, 0, -3, 0, 10, 6.6), new SiteState(scenario));

        Assert.Equal(-2, row.BatteryKw, 6);
        Assert.Equal(0, row.VehicleKw[0], 6);
        Assert.Equal(0, row.ImportKw, 6);
        Assert.Equal(0, row.ExportKw, 6);
    }

    [Theory]
    [InlineData(60, 0, 0, 0.7)]
    [InlineData(30, 1.2, 0.5, 0)]
    public void A_charger_minimum_takes_a_car_past_the_surplus_only_where_that_pays(double importPrice, double carKw, double importKw, double exportKw)
    {
        // 0.7 kW more PV than forecast; the car's kWh is worth 20 (the next hour's price), export pays 8, and
        // the charger cannot run below 1.2 kW. Storing the surplus gains 0.7·(20 − 8) = 8.4; the 0.5 kW bought
        // on top loses 0.5·(price − 20): 20 at 60 (so export), 5 at 30 (so charge at 1.2 kW).
        var scenario = TwoHours([2, 0], [2.7, 0], [2, 0], [2, 0], [importPrice, 20], Car());

        var row = new SlotController(scenario).Apply(0, Planned(0, 0, 0, 0, 10, 6.6), new SiteState(scenario));

        Assert.Equal(carKw, row.VehicleKw[0], 6);
        Assert.Equal(importKw, row.ImportKw, 6);
        Assert.Equal(exportKw, row.ExportKw, 6);
    }

    [Fact]
    public void A_car_a_few_microwatt_hours_short_in_its_last_slot_is_not_forced_to_the_charger_minimum()
    {
        // Its last hour: float noise left the car 1 µWh below the target the plan reached, and the house takes
        // 0.5 kW more than forecast. The grid covers it: the car neither discharges below its target nor runs
        // its charger at 1.2 kW to make up the µWh.
        var scenario = TwoHours([0, 0], [0, 0], [0, 1], [0, 1.5], [30, 30], Car(energy: 14 - 1e-6, bidirectional: true));

        var row = new SlotController(scenario).Apply(1, Planned(1, 0, 0, 0, 14, 14), new SiteState(scenario));

        Assert.Equal(0, row.VehicleKw[0], 6);
        Assert.Equal(1.5, row.ImportKw, 6);
    }

    [Fact]
    public void A_surplus_in_a_cars_last_slot_is_not_stored_in_it()
    {
        // A bidirectional car at its target (to float noise) in its last hour: nothing can be bought for it
        // later, so a kWh more in it is worth nothing here. 1 kW of unexpected PV is exported at 8, not put
        // into the car (which would round it up to 1.2 kW and buy the 0.2 kW at 30).
        var scenario = TwoHours([0, 1], [0, 2], [0, 1], [0, 1], [30, 30], Car(energy: 14 - 1e-6, bidirectional: true));

        var row = new SlotController(scenario).Apply(1, Planned(0, 0, 0, 0, 14, 14), new SiteState(scenario));

        Assert.Equal(0, row.VehicleKw[0], 6);
        Assert.Equal(1, row.ExportKw, 6);
    }
}
