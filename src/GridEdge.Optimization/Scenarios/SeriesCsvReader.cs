using System.Globalization;

namespace GridEdge.Optimization.Scenarios;

/// <summary>Reads series.csv: the eight contract columns by name, one row per slot, each slot exactly once.</summary>
internal static class SeriesCsvReader
{
    private static readonly string[] Columns =
        ["slot", "pv_forecast_kw", "pv_actual_kw", "load_forecast_kw", "load_actual_kw", "import_price", "export_price", "co2_g_per_kwh"];

    public static ScenarioSeries Read(string path, int slots)
    {
        if (!File.Exists(path))
        {
            throw new ScenarioFormatException(path, "(file)", "not found");
        }

        using var reader = new StreamReader(path);
        var header = (reader.ReadLine() ?? "").Split(',').Select(c => c.Trim()).ToArray();
        var position = new int[Columns.Length];
        for (var c = 0; c < Columns.Length; c++)
        {
            position[c] = Array.IndexOf(header, Columns[c]);
            if (position[c] < 0)
            {
                throw new ScenarioFormatException(path, Columns[c], "column missing from the header");
            }
        }

        var values = new double[Columns.Length - 1][];
        for (var c = 0; c < values.Length; c++)
        {
            values[c] = new double[slots];
        }

        var seen = new bool[slots];
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var cells = text.Split(',');
            var slot = (int)Cell(path, line, cells, position[0], Columns[0]);
            if (slot < 0 || slot >= slots || seen[slot])
            {
                throw new ScenarioFormatException(path, $"line {line.ToString(CultureInfo.InvariantCulture)} slot", "outside the scenario's slots or repeated");
            }

            seen[slot] = true;
            for (var c = 1; c < Columns.Length; c++)
            {
                values[c - 1][slot] = Cell(path, line, cells, position[c], Columns[c]);
            }
        }

        var missing = Array.IndexOf(seen, false);
        if (missing >= 0)
        {
            throw new ScenarioFormatException(path, "slot", $"slot {missing.ToString(CultureInfo.InvariantCulture)} has no row");
        }

        return new ScenarioSeries(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }

    private static double Cell(string path, int line, string[] cells, int position, string column)
    {
        if (position >= cells.Length
            || !double.TryParse(cells[position], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            throw new ScenarioFormatException(path, $"line {line.ToString(CultureInfo.InvariantCulture)} {column}", "not a finite number");
        }

        return value;
    }
}
