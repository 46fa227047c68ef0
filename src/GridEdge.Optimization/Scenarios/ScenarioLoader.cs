using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Reads a scenario folder (scenario.json + its series CSV) strictly: anything the README's contract
/// does not allow is a <see cref="ScenarioFormatException"/> naming file and field.
/// </summary>
public static partial class ScenarioLoader
{
    public const string ScenarioFile = "scenario.json";

    /// <summary>Loads <paramref name="path"/>: a scenario folder or its scenario.json.</summary>
    public static Scenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = Directory.Exists(path) ? System.IO.Path.Combine(path, ScenarioFile) : path;
        if (!System.IO.File.Exists(file))
        {
            throw new ScenarioFormatException(file, "(file)", "not found");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(System.IO.File.ReadAllText(file));
        }
        catch (JsonException ex)
        {
            throw new ScenarioFormatException(file, "(json)", ex.Message);
        }

        using (document)
        {
            return Read(file, new JsonFields(file, "", document.RootElement));
        }
    }

    private static Scenario Read(string file, JsonFields root)
    {
        var slotMinutes = root.Integer("slot_minutes");
        if (slotMinutes is not (15 or 30))
        {
            throw root.Error("slot_minutes", "must be 15 or 30");
        }

        var slots = root.Integer("slots", 1, 100_000);
        var startText = root.String("start");
        if (!DateTimeOffset.TryParseExact(startText, "yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            && !DateTimeOffset.TryParseExact(startText, "yyyy-MM-dd'T'HH:mmK", CultureInfo.InvariantCulture, DateTimeStyles.None, out start))
        {
            throw root.Error("start", $"'{startText}' is not ISO-8601 with an offset, e.g. 2026-07-15T12:00:00+09:00");
        }

        var grid = root.Object("grid");
        var gridTerms = new GridTerms(
            grid.Number("import_limit_kw", 0),
            grid.Number("export_limit_kw", 0),
            grid.OptionalNumber("demand_charge_per_kw", 0, 0),
            grid.OptionalNumber("existing_peak_kw", 0, 0));
        var battery = root.Has("battery") ? ReadBattery(root.Object("battery")) : null;
        var vehicles = ReadVehicles(root, slots);
        var penalties = root.Object("penalties");
        var penaltyTerms = new Penalties(penalties.Number("unmet_energy_per_kwh", 0), penalties.OptionalNumber("co2_price_per_kg", 0));
        var seriesName = root.Has("series") ? root.String("series") : "series.csv";
        var seriesPath = System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(file))!, seriesName);
        var series = SeriesCsvReader.Read(seriesPath, slots);
        return new Scenario(
            root.String("name"), slotMinutes, slots, start, root.String("currency"), gridTerms, battery, vehicles, penaltyTerms, series);
    }

    private static ScenarioBattery ReadBattery(JsonFields b)
    {
        var capacity = b.Number("capacity_kwh", 0);
        var min = b.Number("min_soc_kwh", 0, capacity);
        var max = b.Number("max_soc_kwh", min, capacity);
        var spec = new BatterySpec(
            min,
            max,
            b.Number("terminal_min_soc_kwh", 0, max),
            b.Number("max_charge_kw", 0),
            b.Number("max_discharge_kw", 0),
            b.Number("charge_efficiency", 1e-3, 1),
            b.Number("discharge_efficiency", 1e-3, 1),
            b.OptionalNumber("cycle_cost_per_kwh", 0, 0));
        return new ScenarioBattery(spec, capacity, b.Number("initial_soc_kwh", min, max));
    }

    private static List<ScenarioVehicle> ReadVehicles(JsonFields root, int slots)
    {
        var vehicles = new List<ScenarioVehicle>();
        if (!root.Has("evs"))
        {
            return vehicles;
        }

        var array = root.Get("evs");
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw root.Error("evs", "must be an array");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var element in array.EnumerateArray())
        {
            var ev = new JsonFields(root.File, $"evs[{index.ToString(CultureInfo.InvariantCulture)}]", element);
            var vehicle = ReadVehicle(ev, slots);
            if (!ids.Add(vehicle.Id))
            {
                throw ev.Error(ev.FieldPath("id"), $"'{vehicle.Id}' is used twice");
            }

            vehicles.Add(vehicle);
            index++;
        }

        return vehicles;
    }

    private static ScenarioVehicle ReadVehicle(JsonFields ev, int slots)
    {
        var id = ev.String("id");
        if (!IdPattern().IsMatch(id))
        {
            throw ev.Error(ev.FieldPath("id"), $"'{id}' must match [A-Za-z0-9_-]+");
        }

        var arrival = ev.Integer("arrival_slot", 0, slots);
        var departure = ev.Integer("departure_slot", arrival, slots);
        var capacity = ev.Number("capacity_kwh", 0);
        var maxCharge = ev.Number("max_charge_kw", 0);
        var maxDischarge = ev.OptionalNumber("max_discharge_kw", 0, 0);
        return new ScenarioVehicle(
            id,
            arrival,
            departure,
            capacity,
            ev.Number("initial_energy_kwh", 0, capacity),
            ev.Number("target_energy_kwh", 0),
            new ChargerRange(ev.OptionalNumber("min_charge_kw", 0, 0), maxCharge),
            new ChargerRange(ev.OptionalNumber("min_discharge_kw", 0, 0), maxDischarge),
            ev.Number("charge_efficiency", 1e-3, 1),
            ev.OptionalNumber("discharge_efficiency", 1, 1e-3),
            ev.OptionalNumber("min_energy_kwh", 0, 0));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex IdPattern();
}
