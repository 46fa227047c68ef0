using System.Globalization;
using System.Text;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>What influxd holds of some measurements, as the same keys <see cref="SpoolContents.Key"/> makes of spooled lines.</summary>
internal static class StoredPoints
{
    /// <summary>Keys "measurement,tag=value…@unix-ms" of every stored point of <paramref name="measurements"/>.</summary>
    public static async Task<HashSet<string>> KeysAsync(InfluxdPeer influxd, string database, IEnumerable<string> measurements, CancellationToken cancellationToken)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var measurement in measurements)
        {
            using var result = await influxd.QueryAsync($"SELECT * FROM \"{measurement}\" GROUP BY *", database, cancellationToken);
            if (!result.RootElement.GetProperty("results")[0].TryGetProperty("series", out var seriesList))
            {
                continue;
            }

            foreach (var series in seriesList.EnumerateArray())
            {
                var name = new StringBuilder(measurement);
                foreach (var tag in series.GetProperty("tags").EnumerateObject().Where(t => t.Value.GetString() is { Length: > 0 }).OrderBy(t => t.Name, StringComparer.Ordinal))
                {
                    name.Append(',').Append(tag.Name).Append('=').Append(tag.Value.GetString());
                }

                foreach (var row in series.GetProperty("values").EnumerateArray())
                {
                    keys.Add(string.Create(CultureInfo.InvariantCulture, $"{name}@{row[0].GetInt64() / 1_000_000}"));
                }
            }
        }

        return keys;
    }

    /// <summary>Times of the stored points of one measurement, ascending.</summary>
    public static async Task<List<DateTimeOffset>> TimesAsync(InfluxdPeer influxd, string database, string measurement, string field, CancellationToken cancellationToken)
    {
        using var result = await influxd.QueryAsync($"SELECT \"{field}\" FROM \"{measurement}\"", database, cancellationToken);
        if (!result.RootElement.GetProperty("results")[0].TryGetProperty("series", out var seriesList))
        {
            return [];
        }

        return seriesList[0].GetProperty("values").EnumerateArray()
            .Select(row => DateTimeOffset.FromUnixTimeMilliseconds(row[0].GetInt64() / 1_000_000))
            .Order()
            .ToList();
    }
}
