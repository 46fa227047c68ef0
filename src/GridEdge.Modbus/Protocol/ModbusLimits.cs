namespace GridEdge.Modbus;

/// <summary>Size limits from the spec; a request beyond them is refused before it is sent.</summary>
public static class ModbusLimits
{
    /// <summary>A PDU is at most 253 bytes (256-byte RTU ADU minus address and CRC).</summary>
    public const int MaxPduLength = 253;

    public const int MaxReadBits = 2000;
    public const int MaxReadRegisters = 125;
    public const int MaxWriteCoils = 1968;
    public const int MaxWriteRegisters = 123;

    /// <summary>FC23 writes at most 121 registers (its header is longer than FC16's).</summary>
    public const int MaxReadWriteWriteRegisters = 121;

    /// <summary>MBAP header: transaction id, protocol id, length, unit id.</summary>
    public const int MbapHeaderLength = 7;

    /// <summary>Largest Modbus TCP ADU: MBAP header + 253-byte PDU.</summary>
    public const int MaxTcpAduLength = MbapHeaderLength + MaxPduLength;

    /// <summary>Largest RTU ADU: address + PDU + CRC.</summary>
    public const int MaxRtuAduLength = 256;
}
