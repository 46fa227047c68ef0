namespace GridEdge.Modbus;

/// <summary>
/// One request PDU, validated against the spec's quantity limits when it is created, so an
/// impossible request never reaches the wire. The same type is what the server decodes.
/// </summary>
public sealed class ModbusRequest
{
    private ModbusRequest(FunctionCode function, ushort address, ushort quantity, ushort[]? registers = null, bool[]? coils = null, ushort writeAddress = 0)
    {
        Function = function;
        Address = address;
        Quantity = quantity;
        Registers = registers ?? [];
        Coils = coils ?? [];
        WriteAddress = writeAddress;
    }

    public FunctionCode Function { get; }

    /// <summary>0-based address of the first register or bit read (FC01–04, FC23) or written (FC05/06/15/16).</summary>
    public ushort Address { get; }

    /// <summary>Registers or bits to read (FC01–04, FC23) or to write (FC15/16).</summary>
    public ushort Quantity { get; }

    /// <summary>FC23 only: first register written.</summary>
    public ushort WriteAddress { get; }

    /// <summary>Register values written by FC06, FC16, FC23.</summary>
    public IReadOnlyList<ushort> Registers { get; }

    /// <summary>Coil states written by FC05, FC15.</summary>
    public IReadOnlyList<bool> Coils { get; }

    public static ModbusRequest ReadCoils(ushort address, int count) => Read(FunctionCode.ReadCoils, address, count, ModbusLimits.MaxReadBits);

    public static ModbusRequest ReadDiscreteInputs(ushort address, int count) => Read(FunctionCode.ReadDiscreteInputs, address, count, ModbusLimits.MaxReadBits);

    public static ModbusRequest ReadHoldingRegisters(ushort address, int count) => Read(FunctionCode.ReadHoldingRegisters, address, count, ModbusLimits.MaxReadRegisters);

    public static ModbusRequest ReadInputRegisters(ushort address, int count) => Read(FunctionCode.ReadInputRegisters, address, count, ModbusLimits.MaxReadRegisters);

    public static ModbusRequest WriteSingleCoil(ushort address, bool on) => new(FunctionCode.WriteSingleCoil, address, 1, coils: [on]);

    public static ModbusRequest WriteSingleRegister(ushort address, ushort value) => new(FunctionCode.WriteSingleRegister, address, 1, registers: [value]);

    public static ModbusRequest WriteMultipleCoils(ushort address, IReadOnlyList<bool> coils)
    {
        CheckQuantity(coils.Count, ModbusLimits.MaxWriteCoils, address);
        return new(FunctionCode.WriteMultipleCoils, address, (ushort)coils.Count, coils: [.. coils]);
    }

    public static ModbusRequest WriteMultipleRegisters(ushort address, IReadOnlyList<ushort> values)
    {
        CheckQuantity(values.Count, ModbusLimits.MaxWriteRegisters, address);
        return new(FunctionCode.WriteMultipleRegisters, address, (ushort)values.Count, registers: [.. values]);
    }

    /// <summary>FC23: the device writes first, then reads (spec §6.17).</summary>
    public static ModbusRequest ReadWriteMultipleRegisters(ushort readAddress, int readCount, ushort writeAddress, IReadOnlyList<ushort> values)
    {
        CheckQuantity(readCount, ModbusLimits.MaxReadRegisters, readAddress);
        CheckQuantity(values.Count, ModbusLimits.MaxReadWriteWriteRegisters, writeAddress);
        return new(FunctionCode.ReadWriteMultipleRegisters, readAddress, (ushort)readCount, [.. values], writeAddress: writeAddress);
    }

    /// <summary>Builds a request from already-checked parts (the server's decoder).</summary>
    internal static ModbusRequest FromWire(FunctionCode function, ushort address, ushort quantity, ushort[]? registers, bool[]? coils, ushort writeAddress) =>
        new(function, address, quantity, registers, coils, writeAddress);

    /// <summary>Length of a normal reply PDU to this request.</summary>
    public int ReplyLength => Function switch
    {
        FunctionCode.ReadCoils or FunctionCode.ReadDiscreteInputs => 2 + BitBytes(Quantity),
        FunctionCode.ReadHoldingRegisters or FunctionCode.ReadInputRegisters or FunctionCode.ReadWriteMultipleRegisters => 2 + (2 * Quantity),
        _ => 5,
    };

    public byte[] Encode()
    {
        var writer = new PduWriter(Function);
        switch (Function)
        {
            case FunctionCode.WriteSingleCoil:
                writer.Word(Address).Word(Coils[0] ? (ushort)0xFF00 : (ushort)0x0000);
                break;
            case FunctionCode.WriteSingleRegister:
                writer.Word(Address).Word(Registers[0]);
                break;
            case FunctionCode.WriteMultipleCoils:
                writer.Word(Address).Word(Quantity).Bits(Coils);
                break;
            case FunctionCode.WriteMultipleRegisters:
                writer.Word(Address).Word(Quantity).Byte((byte)(Registers.Count * 2)).Words(Registers);
                break;
            case FunctionCode.ReadWriteMultipleRegisters:
                writer.Word(Address).Word(Quantity).Word(WriteAddress).Word((ushort)Registers.Count).Byte((byte)(Registers.Count * 2)).Words(Registers);
                break;
            default:
                writer.Word(Address).Word(Quantity);
                break;
        }

        return writer.ToArray();
    }

    internal static int BitBytes(int bits) => (bits + 7) / 8;

    private static ModbusRequest Read(FunctionCode function, ushort address, int count, int max)
    {
        CheckQuantity(count, max, address);
        return new(function, address, (ushort)count);
    }

    private static void CheckQuantity(int count, int max, ushort address)
    {
        if (count < 1 || count > max)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"quantity must be 1–{max}");
        }

        if (address + count > 0x10000)
        {
            throw new ArgumentOutOfRangeException(nameof(address), address, $"address {address} + {count} runs past 65535");
        }
    }
}
