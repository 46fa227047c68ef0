using Xunit;

namespace GridEdge.Modbus.Tests;

/// <summary>
/// Property test: random and mutated frames through every decoder. No input may crash; each
/// either decodes or is refused with the typed error. Seeded so a failure replays.
/// </summary>
public sealed class DecoderFuzzTests
{
    private const int Frames = 120_000;

    [Fact]
    public void Random_and_mutated_frames_never_crash_a_decoder()
    {
        var random = new Random(20261123);
        var unit = new ModbusUnit();
        unit.HoldingRegisters.Set(0, new ushort[200]);
        unit.Coils.Set(0, new bool[200]);
        var requests = new[]
        {
            ModbusRequest.ReadCoils(0, 17), ModbusRequest.ReadHoldingRegisters(0, 10), ModbusRequest.ReadInputRegisters(5, 1),
            ModbusRequest.WriteSingleCoil(3, true), ModbusRequest.WriteSingleRegister(1, 2), ModbusRequest.WriteMultipleCoils(0, new bool[9]),
            ModbusRequest.WriteMultipleRegisters(0, new ushort[3]), ModbusRequest.ReadWriteMultipleRegisters(0, 2, 0, [1]),
        };
        var outcomes = new Dictionary<string, int>(StringComparer.Ordinal);

        for (var i = 0; i < Frames; i++)
        {
            var request = requests[random.Next(requests.Length)];
            var frame = i % 2 == 0 ? RandomBytes(random) : Mutate(random, Valid(random, request, unit));

            Count(outcomes, "handler:" + (ModbusRequestHandler.Handle(unit, frame).Length > 0));
            Count(outcomes, "request:" + (RequestDecoder.Decode(frame, out _) is not null));
            Count(outcomes, "reply:" + CheckReply(request, frame));
            Count(outcomes, "mbap:" + Mbap.TryParse(frame, out _, out _));
            _ = RtuFrame.RequestLength(frame);
            _ = RtuFrame.ReplyLength(frame, request.Function);
            _ = Crc16.IsValid(frame);
        }

        // The mutated half must exercise both sides of the decoders, not just refusals.
        Assert.True(outcomes.GetValueOrDefault("request:True") > 1000, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("reply:ok") > 1000, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("reply:ModbusException") > 100, string.Join(", ", outcomes));
        Assert.True(outcomes.GetValueOrDefault("mbap:Complete") > 100, string.Join(", ", outcomes));
    }

    private static string CheckReply(ModbusRequest request, byte[] frame)
    {
        try
        {
            ModbusReply.Check(1, request, frame);
            return "ok";
        }
        catch (ModbusException)
        {
            return nameof(ModbusException);
        }
        catch (ModbusFrameException)
        {
            return nameof(ModbusFrameException);
        }
    }

    private static byte[] RandomBytes(Random random)
    {
        var bytes = new byte[random.Next(0, 300)];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>A valid request, reply or MBAP frame: mutations of these reach deep into the decoders.</summary>
    private static byte[] Valid(Random random, ModbusRequest request, ModbusUnit unit) => random.Next(4) switch
    {
        0 => request.Encode(),
        1 => ModbusRequestHandler.Handle(unit, request.Encode()),
        2 => Mbap.Encode((ushort)random.Next(65536), 1, ModbusRequestHandler.Handle(unit, request.Encode())),
        _ => ReplyEncoder.Exception((byte)request.Function, (ExceptionCode)random.Next(1, 12)),
    };

    private static byte[] Mutate(Random random, byte[] frame)
    {
        var bytes = frame.ToList();
        switch (random.Next(5))
        {
            case 0 when bytes.Count > 0:
                bytes[random.Next(bytes.Count)] = (byte)random.Next(256);
                break;
            case 1 when bytes.Count > 0:
                bytes.RemoveRange(random.Next(bytes.Count), 1);
                break;
            case 2:
                bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                break;
            case 3 when bytes.Count > 0:
                var cut = random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            default:
                // Left valid: some frames must pass.
                break;
        }

        return [.. bytes];
    }

    private static void Count(Dictionary<string, int> outcomes, string key) => outcomes[key] = outcomes.GetValueOrDefault(key) + 1;
}
