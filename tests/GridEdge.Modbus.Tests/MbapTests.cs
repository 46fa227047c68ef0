using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class MbapTests
{
    [Fact]
    public void Encodes_header_with_length_of_unit_and_pdu()
    {
        var frame = Mbap.Encode(0x1234, 0x11, [0x03, 0x00, 0x6B, 0x00, 0x03]);
        Assert.Equal("12340000000611" + "03006B0003", Convert.ToHexString(frame));
    }

    [Fact]
    public void A_frame_split_into_single_bytes_completes_only_at_its_last_byte()
    {
        var frame = Mbap.Encode(7, 1, [0x03, 0x02, 0x00, 0x2A]);
        for (var n = 0; n < frame.Length; n++)
        {
            Assert.Equal(FrameStatus.NeedMore, Mbap.TryParse(frame.AsSpan(0, n), out _, out _));
        }

        Assert.Equal(FrameStatus.Complete, Mbap.TryParse(frame, out var parsed, out var consumed));
        Assert.Equal(frame.Length, consumed);
        Assert.Equal(7, parsed.TransactionId);
        Assert.Equal("0302002A", Convert.ToHexString(parsed.Pdu.Span));
    }

    [Fact]
    public void Merged_frames_are_taken_one_at_a_time()
    {
        var merged = Mbap.Encode(1, 1, [0x06, 0, 1, 0, 2]).Concat(Mbap.Encode(2, 1, [0x06, 0, 1, 0, 3])).ToArray();
        Assert.Equal(FrameStatus.Complete, Mbap.TryParse(merged, out var first, out var consumed));
        Assert.Equal(FrameStatus.Complete, Mbap.TryParse(merged.AsSpan(consumed), out var second, out _));
        Assert.Equal((1, 2), (first.TransactionId, second.TransactionId));
    }

    [Theory]
    [InlineData("00010001000601030000")] // protocol id 1
    [InlineData("00010000000101")] // length 1: no PDU
    [InlineData("000100000100010300")] // length 256 > 254
    public void Headers_that_cannot_be_modbus_are_invalid(string hex)
    {
        Assert.Equal(FrameStatus.Invalid, Mbap.TryParse(Convert.FromHexString(hex), out _, out _));
    }
}
