using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class PduCodecTests
{
    public static TheoryData<string, string> Requests => new()
    {
        { "read coils", "0100130013" },
        { "read discrete inputs", "0200C40016" },
        { "read holding", "03006B0003" },
        { "read input", "0400080001" },
        { "write coil", "0500ACFF00" },
        { "write register", "0600010003" },
        { "write coils", "0F0013000A02CD01" },
        { "write registers", "100001000204000A0102" },
        { "read/write", "1700030006000E00030600FF00FF00FF" },
    };

    /// <summary>The request examples of the application protocol spec (§6) decode and re-encode byte for byte.</summary>
    [Theory]
    [MemberData(nameof(Requests))]
    public void Spec_examples_round_trip(string name, string hex)
    {
        var pdu = Convert.FromHexString(hex);
        var request = RequestDecoder.Decode(pdu, out _);
        Assert.NotNull(request);
        Assert.Equal(hex, Convert.ToHexString(request.Encode()));
        Assert.False(string.IsNullOrEmpty(name));
    }

    [Fact]
    public void Factories_build_the_spec_bytes()
    {
        Assert.Equal("03006B0003", Convert.ToHexString(ModbusRequest.ReadHoldingRegisters(0x6B, 3).Encode()));
        Assert.Equal("0500ACFF00", Convert.ToHexString(ModbusRequest.WriteSingleCoil(0xAC, true).Encode()));
        Assert.Equal("0F0013000A02CD01", Convert.ToHexString(ModbusRequest.WriteMultipleCoils(0x13, [true, false, true, true, false, false, true, true, true, false]).Encode()));
        Assert.Equal("100001000204000A0102", Convert.ToHexString(ModbusRequest.WriteMultipleRegisters(1, [0x000A, 0x0102]).Encode()));
        Assert.Equal("1700030006000E00030600FF00FF00FF", Convert.ToHexString(ModbusRequest.ReadWriteMultipleRegisters(3, 6, 0x0E, [0xFF, 0xFF, 0xFF]).Encode()));
    }

    [Theory]
    [InlineData(FunctionCode.ReadCoils, 2000)]
    [InlineData(FunctionCode.ReadDiscreteInputs, 2000)]
    [InlineData(FunctionCode.ReadHoldingRegisters, 125)]
    [InlineData(FunctionCode.ReadInputRegisters, 125)]
    public void Read_quantities_are_limited_as_the_spec_says(FunctionCode function, int max)
    {
        ModbusRequest Make(int n) => function switch
        {
            FunctionCode.ReadCoils => ModbusRequest.ReadCoils(0, n),
            FunctionCode.ReadDiscreteInputs => ModbusRequest.ReadDiscreteInputs(0, n),
            FunctionCode.ReadHoldingRegisters => ModbusRequest.ReadHoldingRegisters(0, n),
            _ => ModbusRequest.ReadInputRegisters(0, n),
        };

        Assert.Equal(max, Make(max).Quantity);
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(max + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Make(0));

        // A server answers an over-long quantity with exception 03.
        var tooMany = new byte[] { (byte)function, 0, 0, (byte)((max + 1) >> 8), (byte)(max + 1) };
        Assert.Equal(new byte[] { (byte)((byte)function | 0x80), 0x03 }, ModbusRequestHandler.Handle(new ModbusUnit(), tooMany));
    }

    [Fact]
    public void Write_quantities_are_limited_as_the_spec_says()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.WriteMultipleRegisters(0, new ushort[124]));
        Assert.Equal(123, ModbusRequest.WriteMultipleRegisters(0, new ushort[123]).Quantity);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.WriteMultipleCoils(0, new bool[1969]));
        Assert.Equal(1968, ModbusRequest.WriteMultipleCoils(0, new bool[1968]).Quantity);
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.ReadWriteMultipleRegisters(0, 1, 0, new ushort[122]));
        Assert.Throws<ArgumentOutOfRangeException>(() => ModbusRequest.ReadHoldingRegisters(65530, 10));
    }

    [Fact]
    public void Every_function_is_answered_from_the_unit_tables()
    {
        var unit = new ModbusUnit();
        unit.HoldingRegisters.Set(0, [10, 20, 30, 40]);
        unit.InputRegisters.Set(100, [7, 8]);
        unit.Coils.Set(0, [true, false, true]);
        unit.DiscreteInputs.Set(5, [false, true]);

        Assert.Equal([20, 30], Registers(unit, ModbusRequest.ReadHoldingRegisters(1, 2)));
        Assert.Equal([7, 8], Registers(unit, ModbusRequest.ReadInputRegisters(100, 2)));
        Assert.Equal([true, false, true], Bits(unit, ModbusRequest.ReadCoils(0, 3)));
        Assert.Equal([false, true], Bits(unit, ModbusRequest.ReadDiscreteInputs(5, 2)));

        Exchange(unit, ModbusRequest.WriteSingleRegister(0, 11));
        Exchange(unit, ModbusRequest.WriteMultipleRegisters(2, [33, 44]));
        Exchange(unit, ModbusRequest.WriteSingleCoil(1, true));
        Exchange(unit, ModbusRequest.WriteMultipleCoils(0, [false, false]));
        Assert.Equal([11, 20, 33, 44], Registers(unit, ModbusRequest.ReadHoldingRegisters(0, 4)));
        Assert.Equal([false, false, true], Bits(unit, ModbusRequest.ReadCoils(0, 3)));

        // FC23 writes first, then reads: the read sees the write.
        Assert.Equal([99, 20], Registers(unit, ModbusRequest.ReadWriteMultipleRegisters(0, 2, 0, [99])));
    }

    [Fact]
    public void Unmapped_addresses_and_read_only_tables_are_illegal_data_addresses()
    {
        var unit = new ModbusUnit();
        unit.HoldingRegisters.Set(0, [1, 2]);
        unit.InputRegisters.Set(0, [1]);

        var error = Assert.Throws<ModbusException>(() => Exchange(unit, ModbusRequest.ReadHoldingRegisters(1, 2)));
        Assert.Equal(ExceptionCode.IllegalDataAddress, error.Code);
        Assert.Equal(FunctionCode.ReadHoldingRegisters, error.Function);

        Assert.Equal([0x83, 0x02], ModbusRequestHandler.Handle(unit, ModbusRequest.ReadHoldingRegisters(5, 1).Encode()));
        Assert.Equal([0x86, 0x02], ModbusRequestHandler.Handle(new ModbusUnit(), ModbusRequest.WriteSingleRegister(0, 1).Encode()));
    }

    [Fact]
    public void Unknown_functions_get_illegal_function_and_malformed_requests_illegal_data_value()
    {
        var unit = new ModbusUnit();
        Assert.Equal([0xC1, 0x01], ModbusRequestHandler.Handle(unit, [0x41, 0, 0]));
        Assert.Equal([0x83, 0x03], ModbusRequestHandler.Handle(unit, [0x03, 0, 0, 0]));
        Assert.Equal([0x85, 0x03], ModbusRequestHandler.Handle(unit, [0x05, 0, 0, 0x12, 0x34]));
        Assert.Equal([0x90, 0x03], ModbusRequestHandler.Handle(unit, [0x10, 0, 0, 0, 2, 3, 0, 0, 0]));
    }

    private static ushort[] Registers(ModbusUnit unit, ModbusRequest request) => ModbusReply.Registers(Exchange(unit, request));

    private static bool[] Bits(ModbusUnit unit, ModbusRequest request) => ModbusReply.Bits(Exchange(unit, request), request.Quantity);

    private static byte[] Exchange(ModbusUnit unit, ModbusRequest request)
    {
        var reply = ModbusRequestHandler.Handle(unit, request.Encode());
        ModbusReply.Check(1, request, reply);
        return reply;
    }
}
