using System.Collections.Concurrent;

namespace GridEdge.Modbus;

/// <summary>Unit ids and their tables; units may be added while the server runs.</summary>
public sealed class ModbusDataMap : IModbusDataProvider
{
    private readonly ConcurrentDictionary<byte, ModbusUnit> _units = new();

    public IEnumerable<ModbusUnit> All => _units.Values;

    /// <summary>The tables of <paramref name="unit"/>, created on first use.</summary>
    public ModbusUnit Unit(byte unit)
    {
        if (unit is 0 or > 247)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, "unit ids are 1–247");
        }

        return _units.GetOrAdd(unit, _ => new ModbusUnit());
    }

    public ModbusUnit? Find(byte unit) => _units.GetValueOrDefault(unit);
}
