using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// Coalesces the registers a poll needs into as few requests as the 125-register limit and the
/// profile's gap tolerance allow: reading a few unused registers is cheaper than another round trip.
/// </summary>
public static class ReadPlanner
{
    public static IReadOnlyList<ReadBlock> Plan(IEnumerable<ReadBlock> needed, int maxGap, int maxCount = ModbusLimits.MaxReadRegisters)
    {
        var blocks = new List<ReadBlock>();
        foreach (var span in needed.OrderBy(b => b.Function).ThenBy(b => b.Address))
        {
            if (blocks.Count > 0 && blocks[^1] is var last && last.Function == span.Function
                && span.Address - last.End <= maxGap && Math.Max(last.End, span.End) - last.Address <= maxCount)
            {
                blocks[^1] = last with { Count = Math.Max(last.End, span.End) - last.Address };
            }
            else
            {
                blocks.Add(span);
            }
        }

        return blocks;
    }

    /// <summary>The registers of <paramref name="points"/> (values and scale factors).</summary>
    public static IEnumerable<ReadBlock> Needed(IEnumerable<ResolvedPoint> points) => points.SelectMany(p => p.ScaleAddress is { } scale
        ? new[] { new ReadBlock(p.Point.Function, p.Address, p.Point.Width), new ReadBlock(p.Point.Function, scale, 1) }
        : [new ReadBlock(p.Point.Function, p.Address, p.Point.Width)]);
}
