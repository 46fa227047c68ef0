using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>The registers read in one poll, looked up by function and address.</summary>
public sealed class RegisterSnapshot
{
    private readonly List<(ReadBlock Block, ushort[] Values)> _blocks = [];

    public void Add(ReadBlock block, ushort[] values) => _blocks.Add((block, values));

    /// <summary>The <paramref name="count"/> registers at <paramref name="address"/>, or empty when they were not read.</summary>
    public ReadOnlySpan<ushort> Get(FunctionCode function, int address, int count)
    {
        foreach (var (block, values) in _blocks)
        {
            if (block.Function == function && address >= block.Address && address + count <= block.End)
            {
                return values.AsSpan(address - block.Address, count);
            }
        }

        return [];
    }
}
