using GridEdge.Modbus;

namespace GridEdge.Devices.SunSpec;

/// <summary>
/// Finds "SunS" (0x5375 0x6E53) at holding register 40000, then 50000, then 0, and walks the
/// model chain [id][length][length registers]… until id 0xFFFF. The walk is bounded so a
/// device with a broken chain cannot keep it going.
/// </summary>
public static class SunSpecDiscovery
{
    public const ushort MarkerHigh = 0x5375;
    public const ushort MarkerLow = 0x6E53;
    public const ushort EndId = 0xFFFF;
    public static readonly IReadOnlyList<ushort> Bases = [40000, 50000, 0];
    private const int MaxModels = 64;

    /// <summary>The map, or null when no base holds the marker. Timeouts and connection errors propagate.</summary>
    public static async Task<SunSpecMap?> DiscoverAsync(IModbusClient client, byte unit, CancellationToken cancellationToken)
    {
        foreach (var candidate in Bases)
        {
            ushort[] marker;
            try
            {
                marker = await client.ReadHoldingRegistersAsync(unit, candidate, 2, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException)
            {
                // Illegal address or function: not here, try the next base.
                continue;
            }

            if (marker[0] == MarkerHigh && marker[1] == MarkerLow)
            {
                return new SunSpecMap(candidate, await WalkAsync(client, unit, candidate, cancellationToken).ConfigureAwait(false));
            }
        }

        return null;
    }

    private static async Task<List<SunSpecModel>> WalkAsync(IModbusClient client, byte unit, ushort start, CancellationToken cancellationToken)
    {
        var models = new List<SunSpecModel>();
        var address = start + 2;
        while (models.Count < MaxModels && address + 2 <= 0x10000)
        {
            ushort[] header;
            try
            {
                header = await client.ReadHoldingRegistersAsync(unit, (ushort)address, 2, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusException)
            {
                // Some devices end the chain by ending the address space instead of 0xFFFF.
                break;
            }

            if (header[0] == EndId || header[1] == 0)
            {
                break;
            }

            models.Add(new SunSpecModel(header[0], (ushort)address, header[1]));
            address += 2 + header[1];
        }

        return models;
    }
}
