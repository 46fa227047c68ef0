namespace GridEdge.Modbus;

/// <summary>The four tables of one server unit id.</summary>
public sealed class ModbusUnit
{
    public DataBank<ushort> HoldingRegisters { get; } = new();

    public DataBank<ushort> InputRegisters { get; } = new() { AcceptsWrites = false };

    public DataBank<bool> Coils { get; } = new();

    public DataBank<bool> DiscreteInputs { get; } = new() { AcceptsWrites = false };
}
