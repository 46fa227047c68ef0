namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// An external PV/load forecast that replaces the history forecaster: header
/// <c>start,pv_kw,load_kw</c> (either value column may be absent), start ISO-8601 with offset, one row
/// per slot, average kW over the slot. Slots the file lacks fall back to the history forecast.
/// </summary>
public sealed record ForecastFile(IReadOnlyList<Sample> Pv, IReadOnlyList<Sample> Load)
{
    public static ForecastFile Read(TextReader reader, string source)
    {
        var table = CsvTable.Parse(source, reader);
        var pv = new List<Sample>();
        var load = new List<Sample>();
        foreach (var row in table.Rows)
        {
            var start = table.Time(row, "start");
            if (table.Has("pv_kw"))
            {
                pv.Add(new Sample(start, table.Number(row, "pv_kw")));
            }

            if (table.Has("load_kw"))
            {
                load.Add(new Sample(start, table.Number(row, "load_kw")));
            }
        }

        return new ForecastFile(pv, load);
    }

    /// <summary><paramref name="fallback"/> with every slot the file covers replaced by the file's value.</summary>
    public static double[] Overlay(IReadOnlyList<Sample> file, double[] fallback, DateTimeOffset start, TimeSpan slot)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(fallback);
        var byStart = file.ToDictionary(s => s.Start.UtcTicks, s => s.Value);
        var result = (double[])fallback.Clone();
        for (var i = 0; i < result.Length; i++)
        {
            if (byStart.TryGetValue((start + (slot * i)).UtcTicks, out var value))
            {
                result[i] = value;
            }
        }

        return result;
    }
}
