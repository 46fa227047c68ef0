using System.Globalization;
using System.Text;

namespace GridEdge.Optimization.Scenarios;

/// <summary>Writes a dispatch in the contract's CSV format (header, one row per slot, invariant numbers).</summary>
public static class DispatchCsvWriter
{
    public static void Write(Scenario scenario, IReadOnlyList<DispatchRow> rows, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writer);
        var header = new StringBuilder("slot,grid_import_kw,grid_export_kw,battery_kw,pv_curtailed_kw");
        foreach (var vehicle in scenario.Vehicles)
        {
            header.Append(',').Append(vehicle.Column);
        }

        writer.WriteLine(header.ToString());
        var line = new StringBuilder();
        for (var t = 0; t < rows.Count; t++)
        {
            var row = rows[t];
            line.Clear().Append(t.ToString(CultureInfo.InvariantCulture));
            Append(line, row.ImportKw);
            Append(line, row.ExportKw);
            Append(line, row.BatteryKw);
            Append(line, row.CurtailedKw);
            foreach (var power in row.VehicleKw)
            {
                Append(line, power);
            }

            writer.WriteLine(line.ToString());
        }
    }

    public static void Write(Scenario scenario, IReadOnlyList<DispatchRow> rows, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        Write(scenario, rows, writer);
    }

    private static void Append(StringBuilder line, double value)
    {
        // Six decimals like the reference; noise below that is written as a clean zero.
        var clean = Math.Abs(value) < 5e-7 ? 0 : value;
        line.Append(',').Append(clean.ToString("F6", CultureInfo.InvariantCulture));
    }
}
