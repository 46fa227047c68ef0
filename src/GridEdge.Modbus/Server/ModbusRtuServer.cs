using Microsoft.Extensions.Logging;

namespace GridEdge.Modbus;

/// <summary>
/// A Modbus RTU server on a serial stream (a port, or a pty in tests). Frames end by their
/// length; a partial frame followed by silence is dropped, as is a frame with a bad CRC (the spec
/// wants no reply). Unit 0 is a broadcast: writes go to every unit and nobody answers.
/// </summary>
public sealed class ModbusRtuServer(Stream stream, IModbusDataProvider data, TimeSpan resyncSilence, TimeProvider time, ILogger logger)
{
    /// <summary>
    /// The silence that ends a broken frame: the spec's 3.5 characters, but at least 20 ms since
    /// user space sees USB adapters and ptys deliver a frame's bytes in bursts.
    /// </summary>
    public static TimeSpan DefaultResyncSilence(int baud) => TimeSpan.FromTicks(Math.Max(RtuTiming.InterFrameDelay(baud).Ticks, TimeSpan.FromMilliseconds(20).Ticks));

    /// <summary>Serves until cancelled or the stream ends.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var receiver = new FrameReceiver(stream, time, 2 * ModbusLimits.MaxRtuAduLength);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var wait = receiver.Count == 0 ? Timeout.InfiniteTimeSpan : resyncSilence;
                if (!await receiver.ReceiveAsync(wait, cancellationToken).ConfigureAwait(false))
                {
                    await OnSilenceAsync(receiver, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                while (RtuFrame.RequestLength(receiver.Data) is { } length && length > 0 && receiver.Count >= length)
                {
                    var frame = receiver.Data[..length].ToArray();
                    receiver.Consume(length);
                    await AnswerAsync(frame, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is ModbusConnectionException or ModbusFrameException or IOException or OperationCanceledException)
        {
            Log.ServerClientDropped(logger, "rtu", ex.Message);
        }
    }

    /// <summary>Silence after a partial frame: a frame of unknown function ends here; anything else was broken.</summary>
    private async Task OnSilenceAsync(FrameReceiver receiver, CancellationToken cancellationToken)
    {
        var frame = receiver.Data.ToArray();
        receiver.Clear();
        if (RtuFrame.RequestLength(frame) == -1)
        {
            await AnswerAsync(frame, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Log.ServerFrameDropped(logger, $"{frame.Length} bytes then silence");
        }
    }

    private async Task AnswerAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (!Crc16.IsValid(frame))
        {
            Log.ServerFrameDropped(logger, "CRC mismatch");
            return;
        }

        var pdu = frame.AsSpan(1, frame.Length - 3);
        if (frame[0] == 0)
        {
            foreach (var each in data.All)
            {
                _ = ModbusRequestHandler.Handle(each, pdu);
            }

            return;
        }

        if (data.Find(frame[0]) is { } unit)
        {
            var reply = ModbusRequestHandler.Handle(unit, pdu);
            await stream.WriteAsync(RtuFrame.Encode(frame[0], reply), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
