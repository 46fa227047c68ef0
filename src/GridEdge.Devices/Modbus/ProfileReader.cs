using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>Reads the points of a layout from a device in coalesced blocks and decodes them.</summary>
public static class ProfileReader
{
    /// <summary>Reads the points whose group <paramref name="includeGroup"/> accepts (all when null).</summary>
    public static async Task<ProfileValues> ReadAsync(
        IModbusClient client, byte unit, DeviceLayout layout, Func<string, bool>? includeGroup, CancellationToken cancellationToken)
    {
        var points = layout.Points.Where(p => includeGroup?.Invoke(p.Point.Group) ?? true).ToList();
        var registers = new RegisterSnapshot();
        var needed = ReadPlanner.Needed(points).ToList();
        foreach (var block in ReadPlanner.Plan(needed, layout.MaxGap))
        {
            try
            {
                registers.Add(block, await client.ReadRegistersAsync(unit, block.Function, block.Address, block.Count, cancellationToken).ConfigureAwait(false));
            }
            catch (ModbusException ex) when (ex.Code == ExceptionCode.IllegalDataAddress && layout.MaxGap > 0)
            {
                // The block spans registers this device does not have: from now on read only what is needed.
                layout.MaxGap = 0;
                foreach (var exact in ReadPlanner.Plan(needed.Where(n => n.Function == block.Function && n.Address >= block.Address && n.End <= block.End), 0))
                {
                    registers.Add(exact, await client.ReadRegistersAsync(unit, exact.Function, exact.Address, exact.Count, cancellationToken).ConfigureAwait(false));
                }
            }
        }

        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var point in points)
        {
            if (PointCodec.Decode(point, registers, layout.Profile.SunSpecSentinels) is { } value)
            {
                values[point.Quantity] = value;
            }
            else
            {
                missing.Add(point.Quantity);
            }
        }

        return new ProfileValues(values, missing);
    }
}
