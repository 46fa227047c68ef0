using System.Globalization;

namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// The small comma-separated files of this folder: a header row, then one record per line; blank
/// lines and lines starting with '#' are skipped; columns are found by header name (case-insensitive).
/// </summary>
internal sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    private CsvTable(string source, Dictionary<string, int> columns, List<(int Line, string[] Fields)> rows)
    {
        Source = source;
        _columns = columns;
        Rows = rows;
    }

    public string Source { get; }

    public IReadOnlyList<(int Line, string[] Fields)> Rows { get; }

    public static CsvTable Parse(string source, TextReader reader)
    {
        Dictionary<string, int>? columns = null;
        var rows = new List<(int, string[])>();
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim()).ToArray();
            if (columns is null)
            {
                columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                for (var i = 0; i < fields.Length; i++)
                {
                    columns[fields[i]] = i;
                }
            }
            else
            {
                rows.Add((number, fields));
            }
        }

        return new CsvTable(source, columns ?? throw new PriceFileFormatException($"{source}: no header row"), rows);
    }

    public bool Has(string column) => _columns.ContainsKey(column);

    public string Text((int Line, string[] Fields) row, string column)
    {
        if (!_columns.TryGetValue(column, out var index))
        {
            throw new PriceFileFormatException($"{Source}: no column '{column}'");
        }

        return index < row.Fields.Length
            ? row.Fields[index]
            : throw new PriceFileFormatException($"{Source} line {row.Line}: '{column}' missing");
    }

    public double Number((int Line, string[] Fields) row, string column)
    {
        var text = Text(row, column);
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new PriceFileFormatException($"{Source} line {row.Line}: '{column}' = '{text}' is not a number");
    }

    public DateTimeOffset Time((int Line, string[] Fields) row, string column)
    {
        var text = Text(row, column);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) && text.Contains('T', StringComparison.Ordinal)
            && (text.EndsWith('Z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal))
            ? value
            : throw new PriceFileFormatException($"{Source} line {row.Line}: '{column}' = '{text}' is not ISO-8601 with an offset");
    }
}
