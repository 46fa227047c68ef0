using System.Globalization;

namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// Reads the two price file formats of docs/optimizer.md: JEPX's 48 half hours per day (JPY/kWh, JST)
/// and the EU 15-minute day-ahead (per MWh, ISO-8601 starts). Either may carry a CO2 column.
/// </summary>
public static class PriceFiles
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>
    /// JEPX: header <c>date,slot,&lt;price column&gt;[,co2_g_per_kwh]</c>; date <c>yyyy/MM/dd</c> or
    /// <c>yyyy-MM-dd</c> (JST), slot 1..48 (1 = 00:00–00:30), price in JPY/kWh. <paramref name="priceColumn"/>
    /// picks the area (JEPX publishes the system price and one column per area), default <c>price</c>.
    /// </summary>
    public static IReadOnlyList<PriceSlot> ReadJepx(TextReader reader, string source, string priceColumn = "price")
    {
        var table = CsvTable.Parse(source, reader);
        var co2 = table.Has("co2_g_per_kwh");
        var slots = new List<PriceSlot>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            var dateText = table.Text(row, "date");
            if (!DateOnly.TryParseExact(dateText, ["yyyy/MM/dd", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                throw new PriceFileFormatException($"{source} line {row.Line}: 'date' = '{dateText}' is not yyyy/MM/dd");
            }

            var slot = table.Number(row, "slot");
            if (slot is < 1 or > 48 || slot != Math.Floor(slot))
            {
                throw new PriceFileFormatException($"{source} line {row.Line}: 'slot' = {slot.ToString(CultureInfo.InvariantCulture)} is not 1..48");
            }

            var start = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), Jst).AddMinutes(30 * (slot - 1));
            slots.Add(new PriceSlot(start, TimeSpan.FromMinutes(30), table.Number(row, priceColumn), co2 ? table.Number(row, "co2_g_per_kwh") : null));
        }

        return Checked(slots, source);
    }

    /// <summary>
    /// EU day-ahead: header <c>start,price_per_mwh[,co2_g_per_kwh]</c>; start ISO-8601 with offset, one row
    /// per 15 minutes, price per MWh as the exchanges publish it (converted to per kWh here).
    /// </summary>
    public static IReadOnlyList<PriceSlot> ReadEuDayAhead(TextReader reader, string source)
    {
        var table = CsvTable.Parse(source, reader);
        var co2 = table.Has("co2_g_per_kwh");
        var slots = table.Rows
            .Select(row => new PriceSlot(table.Time(row, "start"), TimeSpan.FromMinutes(15), table.Number(row, "price_per_mwh") / 1000, co2 ? table.Number(row, "co2_g_per_kwh") : null))
            .ToList();
        return Checked(slots, source);
    }

    /// <summary>The price of the slot covering <paramref name="time"/>, or null where the file has none.</summary>
    public static PriceSlot? At(IReadOnlyList<PriceSlot> slots, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(slots);
        foreach (var s in slots)
        {
            if (time >= s.Start && time < s.Start + s.Length)
            {
                return s;
            }
        }

        return null;
    }

    /// <summary>
    /// The time-weighted average price (and CO2 intensity, where given) of the part of
    /// [<paramref name="start"/>, +<paramref name="length"/>) the schedule covers, or null where it
    /// covers none of it: a 30-minute plan slot over 15-minute prices gets both quarters.
    /// </summary>
    public static PriceSlot? Over(IReadOnlyList<PriceSlot> slots, DateTimeOffset start, TimeSpan length)
    {
        ArgumentNullException.ThrowIfNull(slots);
        var end = start + length;
        var (covered, price, co2Covered, co2) = (0.0, 0.0, 0.0, 0.0);
        foreach (var s in slots)
        {
            var overlap = ((end < s.Start + s.Length ? end : s.Start + s.Length) - (start > s.Start ? start : s.Start)).TotalHours;
            if (overlap <= 0)
            {
                continue;
            }

            covered += overlap;
            price += overlap * s.PricePerKwh;
            if (s.Co2GramsPerKwh is { } grams)
            {
                co2Covered += overlap;
                co2 += overlap * grams;
            }
        }

        return covered > 0 ? new PriceSlot(start, length, price / covered, co2Covered > 0 ? co2 / co2Covered : null) : null;
    }

    /// <summary>
    /// The last slot that started at or before <paramref name="time"/> (the first slot when all start
    /// later): the price to assume where the schedule has run out. Null for an empty schedule.
    /// </summary>
    public static PriceSlot? LastKnown(IReadOnlyList<PriceSlot> slots, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(slots);
        if (slots.Count == 0)
        {
            return null;
        }

        var last = slots[0];
        foreach (var s in slots)
        {
            if (s.Start > time)
            {
                break;
            }

            last = s;
        }

        return last;
    }

    private static List<PriceSlot> Checked(List<PriceSlot> slots, string source)
    {
        slots.Sort((a, b) => a.Start.CompareTo(b.Start));
        for (var i = 1; i < slots.Count; i++)
        {
            if (slots[i].Start < slots[i - 1].Start + slots[i - 1].Length)
            {
                throw new PriceFileFormatException(string.Create(CultureInfo.InvariantCulture, $"{source}: slot {slots[i].Start:O} given twice or overlapping"));
            }
        }

        return slots;
    }
}
