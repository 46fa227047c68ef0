using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class RegisterCodecTests
{
    [Theory]
    // 123.456f = 0x42F6E979: A=42 B=F6 C=E9 D=79.
    [InlineData(WordOrder.ABCD, 0x42F6, 0xE979)]
    [InlineData(WordOrder.CDAB, 0xE979, 0x42F6)]
    [InlineData(WordOrder.BADC, 0xF642, 0x79E9)]
    [InlineData(WordOrder.DCBA, 0x79E9, 0xF642)]
    public void Float32_in_every_word_order(WordOrder order, int first, int second)
    {
        ushort[] registers = [(ushort)first, (ushort)second];
        Assert.Equal(123.456f, (float)RegisterCodec.Decode(registers, RegisterType.Float32, order));

        var encoded = new ushort[2];
        RegisterCodec.Encode(123.456f, RegisterType.Float32, order, encoded);
        Assert.Equal(registers, encoded);
    }

    [Theory]
    [InlineData(RegisterType.Int16, -1234.0)]
    [InlineData(RegisterType.UInt16, 65535.0)]
    [InlineData(RegisterType.Int32, -123456789.0)]
    [InlineData(RegisterType.UInt32, 4000000000.0)]
    [InlineData(RegisterType.Acc32, 12345.0)]
    [InlineData(RegisterType.Int64, -9007199254740991.0)]
    [InlineData(RegisterType.UInt64, 9007199254740991.0)]
    [InlineData(RegisterType.Float64, 3.14159265358979)]
    public void Every_type_round_trips_in_every_order(RegisterType type, double value)
    {
        foreach (var order in Enum.GetValues<WordOrder>())
        {
            var registers = new ushort[RegisterCodec.Width(type)];
            RegisterCodec.Encode(value, type, order, registers);
            Assert.Equal(value, RegisterCodec.Decode(registers, type, order));
        }
    }

    [Fact]
    public void Int32_low_word_first_as_carlo_gavazzi_sends_it()
    {
        // 70000 = 0x00011170; CDAB puts the low word 0x1170 first.
        Assert.Equal(70000, RegisterCodec.Decode([0x1170, 0x0001], RegisterType.Int32, WordOrder.CDAB));
        Assert.Equal(0x80000000UL, RegisterCodec.Raw([0x0000, 0x8000], RegisterType.Int32, WordOrder.CDAB));
    }
}
