using GridEdge.Optimization.Scenarios;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>Strict reading of scenario.json and series.csv, with errors that name file and field.</summary>
public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gridedge-scenario-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Series = """
        slot,pv_forecast_kw,pv_actual_kw,load_forecast_kw,load_actual_kw,import_price,export_price,co2_g_per_kwh
        0,1.0,1.1,0.5,0.6,30,8,400
        1,0.0,0.0,0.5,0.4,20,8,300
        """;

    private static string Json(string ev = """{"id":"car","arrival_slot":0,"departure_slot":2,"capacity_kwh":40,"initial_energy_kwh":10,"target_energy_kwh":20,"max_charge_kw":6,"min_charge_kw":1.2,"charge_efficiency":0.92,"discharge_efficiency":0.92}""") => $$"""
        {"name":"tiny","slot_minutes":30,"slots":2,"start":"2026-07-15T12:00:00+09:00","currency":"JPY",
         "grid":{"import_limit_kw":8,"export_limit_kw":5,"demand_charge_per_kw":0,"existing_peak_kw":0},
         "battery":null,"evs":[{{ev}}],"penalties":{"unmet_energy_per_kwh":5000,"co2_price_per_kg":0},"series":"series.csv"}
        """;

    private Scenario Load(string json, string series = Series)
    {
        File.WriteAllText(Path.Combine(_dir, "scenario.json"), json);
        File.WriteAllText(Path.Combine(_dir, "series.csv"), series);
        return ScenarioLoader.Load(_dir);
    }

    [Fact]
    public void Reads_the_contract_fields()
    {
        var scenario = Load(Json());

        Assert.Equal(2, scenario.Slots);
        Assert.Equal(TimeSpan.FromHours(9), scenario.Start.Offset);
        Assert.Equal(1.2, scenario.Vehicles[0].Charge.MinKw);
        Assert.Equal(1.1, scenario.Series.PvActualKw[0]);
        Assert.Equal("ev_car_kw", scenario.Vehicles[0].Column);
        Assert.Null(scenario.Battery);
    }

    [Fact]
    public void A_missing_field_names_file_and_path()
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => Load(Json("""{"id":"car","arrival_slot":0,"departure_slot":2}""")));

        Assert.Equal("evs[0].capacity_kwh", ex.Field);
        Assert.EndsWith("scenario.json", ex.File, StringComparison.Ordinal);
        Assert.Contains("evs[0].capacity_kwh: missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_departure_beyond_the_horizon_is_refused()
    {
        var ev = """{"id":"car","arrival_slot":0,"departure_slot":3,"capacity_kwh":40,"initial_energy_kwh":10,"target_energy_kwh":20,"max_charge_kw":6,"charge_efficiency":0.92}""";

        var ex = Assert.Throws<ScenarioFormatException>(() => Load(Json(ev)));

        Assert.Equal("evs[0].departure_slot", ex.Field);
    }

    [Fact]
    public void A_series_without_every_slot_is_refused()
    {
        var ex = Assert.Throws<ScenarioFormatException>(() => Load(Json(), Series.Split('\n')[0] + "\n0,1,1,1,1,1,1,1\n"));

        Assert.Contains("slot 1 has no row", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dispatch_csv_has_the_contract_header_and_invariant_numbers()
    {
        var scenario = Load(Json());
        var rows = new[] { new DispatchRow(1.5, 0, 0, 0, [1.2]), new DispatchRow(0, 0.25, 0, 1e-9, [0]) };
        using var writer = new StringWriter();

        DispatchCsvWriter.Write(scenario, rows, writer);

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("slot,grid_import_kw,grid_export_kw,battery_kw,pv_curtailed_kw,ev_car_kw", lines[0]);
        Assert.Equal("0,1.500000,0.000000,0.000000,0.000000,1.200000", lines[1]);
        Assert.Equal("1,0.000000,0.250000,0.000000,0.000000,0.000000", lines[2]);
    }
}
