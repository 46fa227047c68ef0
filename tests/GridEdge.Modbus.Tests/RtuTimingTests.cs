using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class RtuTimingTests
{
    [Theory]
    [InlineData(9600, 4.0104)]
    [InlineData(19200, 2.0052)]
    [InlineData(19201, 1.75)]
    [InlineData(115200, 1.75)]
    public void Inter_frame_delay_is_3_5_characters_then_fixed_above_19200_baud(int baud, double milliseconds)
    {
        Assert.Equal(milliseconds, RtuTiming.InterFrameDelay(baud).TotalMilliseconds, 3);
    }

    [Theory]
    [InlineData(9600, 1.7188)]
    [InlineData(38400, 0.75)]
    public void Inter_character_timeout_is_1_5_characters_then_fixed(int baud, double milliseconds)
    {
        Assert.Equal(milliseconds, RtuTiming.InterCharacterTimeout(baud).TotalMilliseconds, 3);
    }

    [Theory]
    // FC03 request: fixed 8 bytes once the function code is known.
    [InlineData("0103", 8)]
    // FC16 request: 9 + byte count once byte 6 is known.
    [InlineData("011000000002", null)]
    [InlineData("01100000000204", 13)]
    // FC23 request: 13 + byte count at byte 10.
    [InlineData("0117000000020000000102", 15)]
    // Unknown function: ends at silence.
    [InlineData("0141", -1)]
    [InlineData("01", null)]
    public void Request_length_follows_from_the_header(string head, int? length)
    {
        Assert.Equal(length, RtuFrame.RequestLength(Convert.FromHexString(head)));
    }

    [Theory]
    [InlineData("0183", FunctionCode.ReadHoldingRegisters, 5)]
    [InlineData("010314", FunctionCode.ReadHoldingRegisters, 25)]
    [InlineData("0103", FunctionCode.ReadHoldingRegisters, null)]
    [InlineData("0106", FunctionCode.WriteSingleRegister, 8)]
    [InlineData("010F", FunctionCode.WriteMultipleCoils, 8)]
    public void Reply_length_follows_from_the_header(string head, FunctionCode function, int? length)
    {
        Assert.Equal(length, RtuFrame.ReplyLength(Convert.FromHexString(head), function));
    }
}
