using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class Crc16Tests
{
    [Theory]
    // Modbus over serial line v1.02, §6.2.2 example: address 0x02, function 0x07 → CRC 0x1241 (sent 41 12).
    [InlineData("0207", 0x1241)]
    // Read 10 holding registers from unit 1 (a frame every Modbus tool prints): CRC bytes C5 CD.
    [InlineData("01030000000A", 0xCDC5)]
    // CRC-16/MODBUS catalogue check value of "123456789".
    [InlineData("313233343536373839", 0x4B37)]
    public void Matches_the_published_vectors(string hex, int crc)
    {
        Assert.Equal((ushort)crc, Crc16.Compute(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Encoded_frames_carry_the_crc_low_byte_first()
    {
        var frame = RtuFrame.Encode(0x02, [0x07]);
        Assert.Equal("02074112", Convert.ToHexString(frame));
        Assert.True(Crc16.IsValid(frame));
        frame[1] ^= 0x01;
        Assert.False(Crc16.IsValid(frame));
    }
}
