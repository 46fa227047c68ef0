using Microsoft.Extensions.Logging;

namespace GridEdge.Modbus;

/// <summary>
/// Modbus TCP: each request gets the next transaction id; replies with another id (late replies
/// to requests that timed out, strays) are discarded and the wait goes on.
/// </summary>
internal sealed class MbapFramer(TimeProvider time, ILogger logger) : IModbusFramer
{
    private ushort _transactionId;

    public bool ResetOnFrameError => true;

    public async Task<byte[]> ExchangeAsync(FrameReceiver receiver, Stream stream, byte unit, ModbusRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var id = ++_transactionId;
        await stream.WriteAsync(Mbap.Encode(id, unit, request.Encode()), cancellationToken).ConfigureAwait(false);
        var deadline = new ReplyDeadline(time, timeout);
        while (true)
        {
            switch (Mbap.TryParse(receiver.Data, out var frame, out var consumed))
            {
                case FrameStatus.Invalid:
                    throw new ModbusFrameException($"unit {unit}: bytes that are not an MBAP header ({Convert.ToHexString(receiver.Data[..Math.Min(receiver.Count, 8)])}…) in reply to {ModbusReply.Name(request)}");
                case FrameStatus.Complete:
                    receiver.Consume(consumed);
                    if (frame.TransactionId == id && frame.Unit == unit)
                    {
                        return frame.Pdu.ToArray();
                    }

                    Log.StrayReplyDiscarded(logger, frame.TransactionId, frame.Unit, id, unit);
                    continue;
            }

            await deadline.ReceiveOrThrowAsync(receiver, $"unit {unit} {ModbusReply.Name(request)}", cancellationToken).ConfigureAwait(false);
        }
    }
}
