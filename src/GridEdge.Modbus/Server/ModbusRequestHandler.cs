namespace GridEdge.Modbus;

/// <summary>Answers one request PDU from the tables of a unit; shared by the TCP and RTU servers.</summary>
public static class ModbusRequestHandler
{
    /// <summary>The reply PDU; never throws on any input.</summary>
    public static byte[] Handle(ModbusUnit unit, ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            return ReplyEncoder.Exception(0, ExceptionCode.IllegalFunction);
        }

        var request = RequestDecoder.Decode(pdu, out var refusal);
        return request is null ? ReplyEncoder.Exception(pdu[0], refusal) : Handle(unit, request);
    }

    private static byte[] Handle(ModbusUnit unit, ModbusRequest request)
    {
        var ok = request.Function switch
        {
            FunctionCode.ReadCoils => Bits(request, unit.Coils),
            FunctionCode.ReadDiscreteInputs => Bits(request, unit.DiscreteInputs),
            FunctionCode.ReadHoldingRegisters => Registers(request, unit.HoldingRegisters, request.Address),
            FunctionCode.ReadInputRegisters => Registers(request, unit.InputRegisters, request.Address),
            FunctionCode.WriteSingleCoil or FunctionCode.WriteMultipleCoils =>
                unit.Coils.TryWrite(request.Address, request.Coils.ToArray()) ? ReplyEncoder.Echo(request) : null,
            FunctionCode.WriteSingleRegister or FunctionCode.WriteMultipleRegisters =>
                unit.HoldingRegisters.TryWrite(request.Address, request.Registers.ToArray()) ? ReplyEncoder.Echo(request) : null,
            _ => unit.HoldingRegisters.TryWrite(request.WriteAddress, request.Registers.ToArray())
                ? Registers(request, unit.HoldingRegisters, request.Address)
                : null,
        };
        return ok ?? ReplyEncoder.Exception((byte)request.Function, ExceptionCode.IllegalDataAddress);
    }

    private static byte[]? Bits(ModbusRequest request, DataBank<bool> bank) =>
        bank.TryRead(request.Address, request.Quantity) is { } bits ? ReplyEncoder.Bits(request.Function, bits) : null;

    private static byte[]? Registers(ModbusRequest request, DataBank<ushort> bank, ushort address) =>
        bank.TryRead(address, request.Quantity) is { } values ? ReplyEncoder.Registers(request.Function, values) : null;
}
