namespace GridEdge.Modbus;

/// <summary>Server side: builds reply PDUs.</summary>
public static class ReplyEncoder
{
    public static byte[] Registers(FunctionCode function, IReadOnlyList<ushort> values) =>
        new PduWriter(function).Byte((byte)(values.Count * 2)).Words(values).ToArray();

    public static byte[] Bits(FunctionCode function, IReadOnlyList<bool> bits) => new PduWriter(function).Bits(bits).ToArray();

    /// <summary>Write replies echo the first four bytes after the function code of the request.</summary>
    public static byte[] Echo(ModbusRequest request) => request.Encode().AsSpan(0, 5).ToArray();

    public static byte[] Exception(byte function, ExceptionCode code) => [(byte)(function | 0x80), (byte)code];
}
