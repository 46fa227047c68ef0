namespace GridEdge.Interop.Tests.Modbus;

/// <summary>What a peer server holds: per unit, its four tables as address → value (0-based wire addresses).</summary>
public sealed class PeerTables
{
    private readonly Dictionary<byte, Dictionary<string, Dictionary<int, object>>> _units = [];

    public PeerTables Holding(byte unit, int address, params ushort[] values) => Add(unit, "hr", address, values.Select(v => (object)(int)v));

    public PeerTables Input(byte unit, int address, params ushort[] values) => Add(unit, "ir", address, values.Select(v => (object)(int)v));

    public PeerTables Coils(byte unit, int address, params bool[] values) => Add(unit, "co", address, values.Select(v => (object)v));

    public PeerTables Discrete(byte unit, int address, params bool[] values) => Add(unit, "di", address, values.Select(v => (object)v));

    /// <summary>{"UNIT": {"hr": {"ADDR": VALUE}, …}} as pymodbus_peer.py reads it.</summary>
    public Dictionary<string, Dictionary<string, Dictionary<string, object>>> ToJson() => _units.ToDictionary(
        u => u.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
        u => u.Value.ToDictionary(t => t.Key, t => t.Value.ToDictionary(a => a.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), a => a.Value)));

    private PeerTables Add(byte unit, string table, int address, IEnumerable<object> values)
    {
        if (!_units.TryGetValue(unit, out var tables))
        {
            _units[unit] = tables = [];
        }

        if (!tables.TryGetValue(table, out var cells))
        {
            tables[table] = cells = [];
        }

        foreach (var value in values)
        {
            cells[address++] = value;
        }

        return this;
    }
}
