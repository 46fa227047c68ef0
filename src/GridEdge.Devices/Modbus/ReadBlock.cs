using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>One read request: a function and a range of registers.</summary>
public readonly record struct ReadBlock(FunctionCode Function, ushort Address, int Count)
{
    public int End => Address + Count;
}
