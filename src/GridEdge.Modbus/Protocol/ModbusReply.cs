using System.Globalization;

namespace GridEdge.Modbus;

/// <summary>
/// Checks a reply PDU against the request it answers and extracts its data. An exception reply
/// becomes a <see cref="ModbusException"/>; anything malformed a <see cref="ModbusFrameException"/>.
/// </summary>
public static class ModbusReply
{
    /// <summary>Throws unless <paramref name="pdu"/> is a complete, well-formed normal reply to <paramref name="request"/>.</summary>
    public static void Check(byte unit, ModbusRequest request, ReadOnlySpan<byte> pdu)
    {
        if (pdu.IsEmpty)
        {
            throw new ModbusFrameException($"unit {unit}: empty reply to {Name(request)}");
        }

        var function = (byte)request.Function;
        if (pdu[0] == (function | 0x80))
        {
            if (pdu.Length != 2)
            {
                throw new ModbusFrameException($"unit {unit}: exception reply to {Name(request)} is {pdu.Length} bytes, expected 2");
            }

            throw new ModbusException(unit, request.Function, (ExceptionCode)pdu[1], request.Address);
        }

        if (pdu[0] != function)
        {
            throw new ModbusFrameException(string.Create(CultureInfo.InvariantCulture, $"unit {unit}: reply has function 0x{pdu[0]:X2}, expected {Name(request)}"));
        }

        if (pdu.Length != request.ReplyLength)
        {
            throw new ModbusFrameException($"unit {unit}: reply to {Name(request)} is {pdu.Length} bytes, expected {request.ReplyLength}");
        }

        if (request.ReplyLength == 5)
        {
            CheckEcho(unit, request, pdu);
        }
        else if (pdu[1] != request.ReplyLength - 2)
        {
            throw new ModbusFrameException($"unit {unit}: reply to {Name(request)} declares {pdu[1]} data bytes, expected {request.ReplyLength - 2}");
        }
    }

    /// <summary>Register values of a checked FC03/04/23 reply.</summary>
    public static ushort[] Registers(ReadOnlySpan<byte> pdu) => PduReader.Words(pdu, 2, pdu[1] / 2);

    /// <summary>The first <paramref name="count"/> bits of a checked FC01/02 reply.</summary>
    public static bool[] Bits(ReadOnlySpan<byte> pdu, int count) => PduReader.Bits(pdu, 2, count);

    internal static string Name(ModbusRequest request) => string.Create(CultureInfo.InvariantCulture, $"FC{(byte)request.Function:D2} at {request.Address}");

    /// <summary>Write replies echo address and value/quantity; a different echo means the device did something else.</summary>
    private static void CheckEcho(byte unit, ModbusRequest request, ReadOnlySpan<byte> pdu)
    {
        var sent = request.Encode();
        if (!pdu[1..5].SequenceEqual(sent.AsSpan(1, 4)))
        {
            throw new ModbusFrameException($"unit {unit}: reply to {Name(request)} does not echo the request");
        }
    }
}
