using Xunit;

namespace GridEdge.Modbus.Tests;

public sealed class ReplyCheckTests
{
    public static TheoryData<ExceptionCode, string> Codes => new()
    {
        { ExceptionCode.IllegalFunction, "illegal function" },
        { ExceptionCode.IllegalDataAddress, "illegal data address" },
        { ExceptionCode.IllegalDataValue, "illegal data value" },
        { ExceptionCode.ServerDeviceFailure, "server device failure" },
        { ExceptionCode.Acknowledge, "acknowledge" },
        { ExceptionCode.ServerDeviceBusy, "server device busy" },
        { ExceptionCode.MemoryParityError, "memory parity error" },
        { ExceptionCode.GatewayPathUnavailable, "gateway path unavailable" },
        { ExceptionCode.GatewayTargetDeviceFailedToRespond, "gateway target device failed to respond" },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void Every_exception_code_becomes_a_typed_error_naming_it(ExceptionCode code, string name)
    {
        var request = ModbusRequest.ReadInputRegisters(1000, 2);
        var error = Assert.Throws<ModbusException>(() => ModbusReply.Check(1, request, [0x84, (byte)code]));

        Assert.Equal(code, error.Code);
        Assert.Equal(FunctionCode.ReadInputRegisters, error.Function);
        Assert.Equal(1, error.Unit);
        Assert.Equal($"unit 1 answered exception 0x{(byte)code:X2} ({name}) to FC04 at register 1000", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("03")]
    [InlineData("0304000100")]
    [InlineData("030400010002FF")]
    [InlineData("0302000100")]
    [InlineData("8402FF")]
    public void Truncated_oversized_or_foreign_replies_are_frame_errors(string hex)
    {
        var request = ModbusRequest.ReadHoldingRegisters(0, 2);
        var pdu = Convert.FromHexString(hex);
        Assert.Throws<ModbusFrameException>(() => ModbusReply.Check(1, request, pdu));
    }

    [Fact]
    public void A_write_reply_that_echoes_something_else_is_a_frame_error()
    {
        var request = ModbusRequest.WriteSingleRegister(5, 42);
        ModbusReply.Check(1, request, Convert.FromHexString("060005002A"));
        Assert.Throws<ModbusFrameException>(() => ModbusReply.Check(1, request, Convert.FromHexString("060005002B")));
    }
}
