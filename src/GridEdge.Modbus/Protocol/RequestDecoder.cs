namespace GridEdge.Modbus;

/// <summary>
/// Server side: turns a request PDU into a <see cref="ModbusRequest"/>, or says which exception
/// code the reply must carry (01 unknown function, 03 bad quantity or length) as the spec orders.
/// </summary>
public static class RequestDecoder
{
    /// <summary>Null and an exception code when the request is refused; never throws.</summary>
    public static ModbusRequest? Decode(ReadOnlySpan<byte> pdu, out ExceptionCode refusal)
    {
        refusal = ExceptionCode.IllegalDataValue;
        if (pdu.IsEmpty)
        {
            return null;
        }

        var function = (FunctionCode)pdu[0];
        switch (function)
        {
            case FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs:
                return DecodeRead(pdu, function, ModbusLimits.MaxReadBits);
            case FunctionCode.ReadHoldingRegisters or FunctionCode.ReadInputRegisters:
                return DecodeRead(pdu, function, ModbusLimits.MaxReadRegisters);
            case FunctionCode.WriteSingleCoil:
                return DecodeSingleCoil(pdu);
            case FunctionCode.WriteSingleRegister:
                return pdu.Length == 5
                    ? ModbusRequest.FromWire(function, PduReader.Word(pdu, 1), 1, [PduReader.Word(pdu, 3)], null, 0)
                    : null;
            case FunctionCode.WriteMultipleCoils:
                return DecodeMultipleCoils(pdu);
            case FunctionCode.WriteMultipleRegisters:
                return DecodeMultipleRegisters(pdu);
            case FunctionCode.ReadWriteMultipleRegisters:
                return DecodeReadWrite(pdu);
            default:
                refusal = ExceptionCode.IllegalFunction;
                return null;
        }
    }

    private static ModbusRequest? DecodeRead(ReadOnlySpan<byte> pdu, FunctionCode function, int max)
    {
        if (pdu.Length != 5)
        {
            return null;
        }

        var quantity = PduReader.Word(pdu, 3);
        return quantity is >= 1 && quantity <= max
            ? ModbusRequest.FromWire(function, PduReader.Word(pdu, 1), quantity, null, null, 0)
            : null;
    }

    private static ModbusRequest? DecodeSingleCoil(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length != 5)
        {
            return null;
        }

        // Only 0xFF00 (on) and 0x0000 (off) are legal values.
        var value = PduReader.Word(pdu, 3);
        return value is 0xFF00 or 0x0000
            ? ModbusRequest.FromWire(FunctionCode.WriteSingleCoil, PduReader.Word(pdu, 1), 1, null, [value == 0xFF00], 0)
            : null;
    }

    private static ModbusRequest? DecodeMultipleCoils(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 6)
        {
            return null;
        }

        var quantity = PduReader.Word(pdu, 3);
        var bytes = pdu[5];
        if (quantity is < 1 or > ModbusLimits.MaxWriteCoils || bytes != ModbusRequest.BitBytes(quantity) || pdu.Length != 6 + bytes)
        {
            return null;
        }

        return ModbusRequest.FromWire(FunctionCode.WriteMultipleCoils, PduReader.Word(pdu, 1), quantity, null, PduReader.Bits(pdu, 6, quantity), 0);
    }

    private static ModbusRequest? DecodeMultipleRegisters(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 6)
        {
            return null;
        }

        var quantity = PduReader.Word(pdu, 3);
        var bytes = pdu[5];
        if (quantity is < 1 or > ModbusLimits.MaxWriteRegisters || bytes != quantity * 2 || pdu.Length != 6 + bytes)
        {
            return null;
        }

        return ModbusRequest.FromWire(FunctionCode.WriteMultipleRegisters, PduReader.Word(pdu, 1), quantity, PduReader.Words(pdu, 6, quantity), null, 0);
    }

    private static ModbusRequest? DecodeReadWrite(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 10)
        {
            return null;
        }

        var readQuantity = PduReader.Word(pdu, 3);
        var writeQuantity = PduReader.Word(pdu, 7);
        var bytes = pdu[9];
        if (readQuantity is < 1 or > ModbusLimits.MaxReadRegisters
            || writeQuantity is < 1 or > ModbusLimits.MaxReadWriteWriteRegisters
            || bytes != writeQuantity * 2
            || pdu.Length != 10 + bytes)
        {
            return null;
        }

        return ModbusRequest.FromWire(
            FunctionCode.ReadWriteMultipleRegisters, PduReader.Word(pdu, 1), readQuantity, PduReader.Words(pdu, 10, writeQuantity), null, PduReader.Word(pdu, 5));
    }
}
