namespace GridEdge.Modbus;

/// <summary>What a server serves: the tables of each unit id it answers for.</summary>
public interface IModbusDataProvider
{
    /// <summary>The unit, or null when this server does not answer for <paramref name="unit"/>.</summary>
    ModbusUnit? Find(byte unit);

    /// <summary>Every unit, for broadcast writes (unit 0 on RTU).</summary>
    IEnumerable<ModbusUnit> All { get; }
}
