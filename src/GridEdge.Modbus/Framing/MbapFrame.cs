namespace GridEdge.Modbus;

/// <summary>One Modbus TCP ADU: MBAP header fields and the PDU.</summary>
public readonly record struct MbapFrame(ushort TransactionId, byte Unit, ReadOnlyMemory<byte> Pdu);
