using GridEdge.Telemetry.Spool;
using Xunit;

namespace GridEdge.Telemetry.Tests;

public sealed class DeliveredRangesTests
{
    [Fact]
    public void Touching_and_overlapping_ranges_merge()
    {
        var ranges = new DeliveredRanges();
        ranges.Add(20, 29);
        ranges.Add(40, 49);
        ranges.Add(30, 35);
        Assert.Equal(2, ranges.Count);
        ranges.Add(33, 41);
        Assert.Equal(1, ranges.Count);
        Assert.Equal(50, ranges.SkipFrom(20));
        Assert.Equal(19, ranges.SkipFrom(19));
        Assert.Equal(50, ranges.SkipFrom(50));
    }

    [Fact]
    public void The_position_moves_over_contiguous_ranges_only()
    {
        var ranges = new DeliveredRanges();
        ranges.Add(11, 15);
        ranges.Add(30, 39);
        Assert.Equal(15, ranges.Advance(10));
        Assert.Equal(1, ranges.Count);
        Assert.Equal(20, ranges.Advance(20));
        Assert.Equal(39, ranges.Advance(29));
        Assert.Equal(0, ranges.Count);
    }

    [Fact]
    public void Counting_within_a_window()
    {
        var ranges = new DeliveredRanges();
        ranges.Add(5, 9);
        ranges.Add(20, 24);
        Assert.Equal(5, ranges.CountIn(7, 21));
        Assert.Equal(0, ranges.CountIn(10, 19));
        Assert.Equal(10, ranges.CountIn(0, 100));
    }
}
