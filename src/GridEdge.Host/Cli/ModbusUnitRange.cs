using System.Globalization;

namespace GridEdge.Host.Cli;

/// <summary>`--units 1-247` or `1,3,10-20`: the unit ids a scan tries, in order, each once.</summary>
internal static class ModbusUnitRange
{
    public static IReadOnlyList<byte>? Parse(string text)
    {
        var units = new SortedSet<byte>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var bounds = part.Split('-', 2);
            if (!ModbusNumbers.TryParse(bounds[0], out var from) || !ModbusNumbers.TryParse(bounds.Length == 2 ? bounds[1] : bounds[0], out var to)
                || from is < 1 or > 247 || to is < 1 or > 247 || from > to)
            {
                return null;
            }

            for (var unit = from; unit <= to; unit++)
            {
                units.Add((byte)unit);
            }
        }

        return [.. units];
    }

    public static string Describe(IReadOnlyList<byte> units) => units.Count == 0
        ? "none"
        : string.Create(CultureInfo.InvariantCulture, $"{units.Count} unit(s) {units[0]}–{units[^1]}");
}
