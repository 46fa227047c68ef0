using GridEdge.Devices.Modbus;
using GridEdge.Modbus;
using Xunit;

namespace GridEdge.Devices.Tests;

public sealed class ReadPlannerTests
{
    private const FunctionCode Fc3 = FunctionCode.ReadHoldingRegisters;
    private const FunctionCode Fc4 = FunctionCode.ReadInputRegisters;

    [Fact]
    public void Neighbours_and_small_gaps_merge_big_gaps_split()
    {
        var blocks = ReadPlanner.Plan([new(Fc4, 0, 2), new(Fc4, 2, 2), new(Fc4, 10, 2), new(Fc4, 40, 2)], maxGap: 8);
        Assert.Equal([new ReadBlock(Fc4, 0, 12), new ReadBlock(Fc4, 40, 2)], blocks);
    }

    [Fact]
    public void No_block_exceeds_125_registers()
    {
        var blocks = ReadPlanner.Plan(Enumerable.Range(0, 100).Select(i => new ReadBlock(Fc3, (ushort)(i * 2), 2)), maxGap: 16);
        Assert.Equal([new ReadBlock(Fc3, 0, 124), new ReadBlock(Fc3, 124, 76)], blocks);
        Assert.All(blocks, b => Assert.True(b.Count <= 125));
    }

    [Fact]
    public void Functions_never_share_a_block_and_overlaps_fold()
    {
        var blocks = ReadPlanner.Plan([new(Fc4, 0, 2), new(Fc3, 0, 2), new(Fc3, 1, 4), new(Fc3, 1, 1)], maxGap: 0);
        Assert.Equal([new ReadBlock(Fc3, 0, 5), new ReadBlock(Fc4, 0, 2)], blocks);
    }

    [Fact]
    public void The_sdm630_fast_group_takes_two_requests()
    {
        var layout = DeviceLayout.Resolve(ShippedProfiles.Get("eastron-sdm630"), null);
        var fast = layout.Points.Where(p => p.Point.Group == "fast");
        var blocks = ReadPlanner.Plan(ReadPlanner.Needed(fast), layout.Profile.MaxGap);
        Assert.Equal([new ReadBlock(Fc4, 0x00, 0x12), new ReadBlock(Fc4, 0x34, 0x48 - 0x34)], blocks);
    }
}
