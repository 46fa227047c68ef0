using GridEdge.Optimization.Planning;
using Xunit;
using static GridEdge.Optimization.Tests.Planning.Requests;

namespace GridEdge.Optimization.Tests.Planning;

/// <summary>The model's parts on tiny cases whose optimum is worked out by hand in each test.</summary>
public sealed class LpPlannerTests
{
    private static readonly TimeSpan HalfHour = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan QuarterHour = TimeSpan.FromMinutes(15);

    private static Plan Solve(PlanningRequest request, SolverKind solver = SolverKind.Highs)
    {
        var plan = new LpPlanner(new PlannerOptions { Solver = solver }).CreatePlan(request, TestContext.Current.CancellationToken);
        Assert.NotEqual(PlanOutcome.Failed, plan.Statistics.Outcome);
        return plan;
    }

    [Theory]
    [InlineData(SolverKind.Highs)]
    [InlineData(SolverKind.Glop)]
    [InlineData(SolverKind.Clp)]
    public void One_car_two_price_levels_charges_in_the_cheap_slot(SolverKind solver)
    {
        // 2.5 kWh needed, 5 kW × 0.5 h = 2.5 kWh per slot: all of it at 10 instead of 30 → cost 25.
        var request = Of(HalfHour, [Price(30), Price(10)], Car(departure: 2, energy: 0, target: 2.5, maxKw: 5));

        var plan = Solve(request, solver);

        Assert.Equal(0, Power(plan, 0), 6);
        Assert.Equal(5, Power(plan, 1), 6);
        Assert.Equal(25, plan.Objective, 2);
        Assert.Equal(0, plan.ShortfallKwh["car"], 6);
    }

    [Fact]
    public void Demand_windows_pair_quarter_hours_on_the_wall_clock()
    {
        // 12:00–12:30 holds 8 kW of house load in 12:15–12:30 (2 kWh → 4 kW average). The car's 2 kWh
        // go into 12:30–12:45, a different window (4 kW average there too), never on top of the load.
        var slots = new[] { Price(1), Price(1, loadKw: 8), Price(1.01), Price(100) };
        var car = Car(departure: 3, energy: 0, target: 2, maxKw: 8) with { ConnectedFromSlot = 1 };
        var request = Of(QuarterHour, slots, car) with { Grid = new GridTerms(100, 0, DemandChargePerKw: 1000) };

        var plan = Solve(request);

        Assert.Equal(0, Power(plan, 1), 6);
        Assert.Equal(8, Power(plan, 2), 6);
        Assert.Equal(4, plan.Slots[0].ImportCeilingKw, 6);
    }

    [Fact]
    public void A_replan_mid_window_counts_the_energy_already_imported()
    {
        // Start 12:15: 2 kWh already imported since 12:00 (4 kW average so far). Charging 1 kWh now
        // would make that window 6 kW; at 12:30 it is a new window at 4 kW, even at a higher price.
        var start = Noon.AddMinutes(15);
        var car = Car(departure: 2, energy: 0, target: 1, maxKw: 8);
        var request = Of(QuarterHour, [Price(1), Price(2)], car) with
        {
            Start = start,
            Grid = new GridTerms(100, 0, DemandChargePerKw: 1000),
            Demand = new DemandState(0, OpenWindowImportKwh: 2),
        };

        var plan = Solve(request);

        Assert.Equal(0, Power(plan, 0), 6);
        Assert.Equal(4, Power(plan, 1), 6);
    }

    [Theory]
    [InlineData(0, 0, 2)]
    [InlineData(1, 1, 1)]
    public void Later_half_hours_keep_the_demand_headroom_free(double headroomKw, double firstKw, double secondKw)
    {
        // House 1 kW, billed peak 3 kW at 1000 per kW; the car needs 1 kWh, cheaper in the second half
        // hour (5 against 10). Without headroom it all goes there (import 3 kW = the peak); with 1 kW of
        // headroom the second half hour stays at 2 kW (using the reserve would cost 500) and the first
        // takes the rest.
        var request = Of(HalfHour, [Price(10, loadKw: 1), Price(5, loadKw: 1)], Car(departure: 2, energy: 0, target: 1, maxKw: 5)) with
        {
            Grid = new GridTerms(100, 0, DemandChargePerKw: 1000, ExistingPeakKw: 3),
            LoadSurpriseKw = headroomKw,
        };

        var plan = Solve(request);

        Assert.Equal(firstKw, Power(plan, 0), 6);
        Assert.Equal(secondKw, Power(plan, 1), 6);
        Assert.Equal(3, plan.Slots[1].ImportCeilingKw, 6);
    }

    [Fact]
    public void V2h_never_takes_the_car_below_its_minimum_energy()
    {
        // 3 kW of load at a high price for four half hours (6 kWh); the car holds 10 kWh but may only
        // give 2 of them (floor 8, ηd = 1): 4 kW for one slot-equivalent, the rest comes from the grid.
        var v2h = new VehicleRequest("car", 0, 4, 10, 0, 40, 8, new ChargerRange(0, 6), new ChargerRange(0, 6), 1, 1);
        var request = Of(HalfHour, [Price(50, 3), Price(50, 3), Price(50, 3), Price(50, 3)], v2h);

        var plan = Solve(request);

        // Net 2 kWh out (with ηc = ηd = 1 the LP may also cycle through the car at no gain).
        Assert.Equal(8, plan.Slots[^1].Vehicles.Single().EnergyAfterKwh, 6);
        Assert.All(plan.Slots, s => Assert.True(s.Vehicles.Single().EnergyAfterKwh >= 8 - 1e-6));
        Assert.Equal(4 * 50 * 3 * 0.5 - (2 * 50), plan.Objective, 2);
    }

    [Theory]
    [InlineData(true, 6)]
    [InlineData(false, 1.5)]
    public void V2h_feeds_the_grid_only_where_the_charger_may_export(bool mayExport, double expectedDischargeKw)
    {
        // Export pays 30, more than the car's energy is worth at the horizon's end: a car that may
        // export gives its full 6 kW; one that may not covers only the house's 2 kW less 0.5 kW of PV.
        var v2h = new VehicleRequest("car", 0, 1, 30, 0, 40, 10, new ChargerRange(0, 6), new ChargerRange(0, 6), 1, 1) { MayExport = mayExport };
        var request = Of(HalfHour, [new SlotConditions(0.5, 2, 40, 30, 0)], v2h);

        var plan = Solve(request);

        Assert.Equal(-expectedDischargeKw, Power(plan, 0), 6);
    }

    [Fact]
    public void An_impossible_target_yields_the_best_possible_shortfall()
    {
        // 20 kWh wanted in two half hours at 5 kW: 5 kWh is all there is, 15 kWh short, and still a plan.
        var request = Of(HalfHour, [Price(10), Price(10)], Car(departure: 2, energy: 0, target: 20, maxKw: 5));

        var plan = Solve(request);

        Assert.Equal(PlanOutcome.Optimal, plan.Statistics.Outcome);
        Assert.Equal(15, plan.ShortfallKwh["car"], 6);
        Assert.Equal(5, Power(plan, 0), 6);
        Assert.Equal(5, Power(plan, 1), 6);
    }

    [Fact]
    public void Battery_round_trip_pays_both_efficiencies()
    {
        // 4.5 kW of load at 100 in slot 1. Covering it from the battery takes 4.5 × 0.5 / 0.9 = 2.5 kWh
        // of SoC, which costs 2.5 / (0.9 × 0.5) = 5.556 kW of charging at 10 in slot 0.
        var battery = new BatterySpec(0, 10, 0, 10, 10, 0.9, 0.9, 0);
        var request = Of(HalfHour, [Price(10), Price(100, 4.5)]) with { Battery = battery, BatterySocKwh = 0 };

        var plan = Solve(request);

        Assert.Equal(2.5 / 0.45, plan.Slots[0].BatteryKw, 4);
        Assert.Equal(-4.5, plan.Slots[1].BatteryKw, 4);
        Assert.Equal(0, plan.Slots[1].GridImportKw, 4);
        Assert.Equal(2.5 / 0.45 * 0.5 * 10, plan.Objective, 2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(-1)]
    public void Chargers_run_at_zero_or_at_least_their_minimum(int exactUpTo)
    {
        // 1 kWh in four half hours: the LP alone charges 2 kW for one slot; the minimum is 4 kW. Exact
        // (MIP) and LP + repair alike.
        var car = Car(departure: 4, energy: 0, target: 1, maxKw: 11, minKw: 4);
        var request = Of(HalfHour, [Price(30), Price(10), Price(20), Price(30)], car);

        var plan = new LpPlanner(new PlannerOptions { ExactUpTo = exactUpTo }).CreatePlan(request, TestContext.Current.CancellationToken);

        Assert.All(plan.Slots, s => Assert.True(s.Vehicles.Single().PowerKw is 0 or >= 4 - 1e-6, $"power {s.Vehicles.Single().PowerKw}"));
        Assert.Equal(0, plan.ShortfallKwh["car"], 6);
        Assert.Equal(4, Power(plan, 1), 6);
    }

    [Theory]
    [InlineData(2, -1.2)]
    [InlineData(0, 0)]
    public void Slot_zero_tries_both_sides_of_the_minimum(int enumerate, double expectedKw)
    {
        // 0.4 kW house load at 40, export pays −1: the LP discharges the car 0.4 kW, below its 1.2 kW
        // minimum. Off costs 0.4 × 0.5 h × 40 = 8; on at 1.2 kW exports 0.8 kW for 0.8 × 0.5 × 1 = 0.4.
        // Rounding to the nearer side switches it off; trying both sides finds the discharge (LP + repair;
        // the exact MIP, used for small requests, finds it anyway).
        var car = new VehicleRequest("car", 0, 1, 10, 0, 100, 0, new ChargerRange(1.2, 6), new ChargerRange(1.2, 6), 1, 1);
        var request = Of(HalfHour, [new SlotConditions(0, 0.4, 40, -1, 0)], car);

        var plan = new LpPlanner(new PlannerOptions { EnumerateFirstSlot = enumerate, ExactUpTo = -1 }).CreatePlan(request, TestContext.Current.CancellationToken);

        Assert.Equal(expectedKw, Power(plan, 0), 6);
        Assert.Equal(expectedKw < 0 ? 0.4 : 8, plan.Objective, 2);
    }

    [Fact]
    public void Exported_model_is_a_readable_mps()
    {
        var request = Of(HalfHour, [Price(30), Price(10)], Car(departure: 2, energy: 0, target: 2.5, maxKw: 5));

        var mps = new LpPlanner().ExportModel(request, ModelFormat.Mps);

        Assert.Contains("ROWS", mps, StringComparison.Ordinal);
        Assert.Contains("COLUMNS", mps, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 21, 0.6, 7.4)]
    [InlineData(2, 21, 2, 6)]
    [InlineData(2, 30, 0.6, 7.4)]
    public void A_deadline_slot_keeps_the_load_surprise_free_below_the_import_limit(double surpriseKw, double firstPrice, double firstKw, double lastKw)
    {
        // The car needs 8 kWh in two hours at ≤ 7.4 kW, import limit 8 kW; the last hour is cheaper (20).
        // With no surprise it takes 7.4 kW there. With 2 kW of load surprise, import above 6 kW in the car's
        // last hour costs 10 % of the mean price (≈ 2) more: at 21 the first hour is cheaper for 1.4 kW of
        // it; at 30 it is not.
        var request = Of(TimeSpan.FromHours(1), [Price(firstPrice), Price(20)], Car(departure: 2, energy: 0, target: 8, maxKw: 7.4)) with
        {
            Grid = new GridTerms(8, 0),
            LoadSurpriseKw = surpriseKw,
        };

        var plan = Solve(request);

        Assert.Equal(firstKw, Power(plan, 0), 6);
        Assert.Equal(lastKw, Power(plan, 1), 6);
    }

    [Fact]
    public void A_shortfall_the_plan_accepts_is_the_edge_of_the_cars_band()
    {
        // 1 Wh short with a 1.2 kW minimum: buying 1.2 kWh at 20 costs more than the 1 Wh's penalty (1000
        // per kWh). The plan leaves it short, and the band's lower edge is the energy the plan reaches, not
        // the target, so a controller does not run the charger for it.
        var request = Of(TimeSpan.FromHours(1), [Price(20)], Car(departure: 1, energy: 9.999, target: 10, maxKw: 7.4, minKw: 1.2));

        var plan = Solve(request);

        var car = plan.Slots[0].Vehicles.Single();
        Assert.Equal(0, car.PowerKw, 6);
        Assert.Equal(0.001, plan.ShortfallKwh["car"], 6);
        Assert.Equal(9.999, car.MinEnergyAfterKwh, 6);
    }
}
