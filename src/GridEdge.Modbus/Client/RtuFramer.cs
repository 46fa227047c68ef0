namespace GridEdge.Modbus;

/// <summary>
/// RTU on a serial line or through a serial gateway: before sending, anything still arriving
/// (a late reply, noise) is let through and dropped until the line has been silent for the
/// inter-frame delay; the reply's length follows from its function code and byte count.
/// </summary>
internal sealed class RtuFramer(TimeProvider time, TimeSpan interFrameDelay, TimeSpan broadcastTurnaround) : IModbusFramer
{
    public bool ResetOnFrameError => false;

    public async Task<byte[]> ExchangeAsync(FrameReceiver receiver, Stream stream, byte unit, ModbusRequest request, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await WaitForSilenceAsync(receiver, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(RtuFrame.Encode(unit, request.Encode()), cancellationToken).ConfigureAwait(false);
        if (unit == 0)
        {
            // Broadcast: nobody answers; give the devices time to act before the next request.
            await Task.Delay(broadcastTurnaround, time, cancellationToken).ConfigureAwait(false);
            return [];
        }

        var deadline = new ReplyDeadline(time, timeout);
        var what = $"unit {unit} {ModbusReply.Name(request)}";
        while (true)
        {
            var data = receiver.Data;
            if (data.Length >= 1 && data[0] != unit)
            {
                throw new ModbusFrameException($"{what}: reply from address {data[0]}");
            }

            if (data.Length >= 2 && data[1] != (byte)request.Function && data[1] != ((byte)request.Function | 0x80))
            {
                throw new ModbusFrameException($"{what}: reply has function 0x{data[1]:X2}");
            }

            if (RtuFrame.ReplyLength(data, request.Function) is { } length && data.Length >= length)
            {
                if (data.Length > length || !Crc16.IsValid(data[..length]))
                {
                    throw new ModbusFrameException(data.Length > length ? $"{what}: {data.Length - length} bytes after the reply" : $"{what}: CRC mismatch");
                }

                var pdu = data[1..(length - 2)].ToArray();
                receiver.Clear();
                return pdu;
            }

            await deadline.ReceiveOrThrowAsync(receiver, what, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task WaitForSilenceAsync(FrameReceiver receiver, CancellationToken cancellationToken)
    {
        receiver.Clear();
        while (await receiver.ReceiveAsync(interFrameDelay, cancellationToken).ConfigureAwait(false))
        {
            receiver.Clear();
        }
    }
}
