namespace GridEdge.Modbus;

/// <summary>The time left for one reply, measured on the injected clock.</summary>
internal readonly struct ReplyDeadline(TimeProvider time, TimeSpan timeout)
{
    private readonly long _start = time.GetTimestamp();

    public TimeSpan Remaining => timeout - time.GetElapsedTime(_start);

    /// <summary>Waits for more bytes until the deadline, or throws the timeout the caller names.</summary>
    public async ValueTask ReceiveOrThrowAsync(FrameReceiver receiver, string what, CancellationToken cancellationToken)
    {
        var remaining = Remaining;
        if (remaining <= TimeSpan.Zero || !await receiver.ReceiveAsync(remaining, cancellationToken).ConfigureAwait(false))
        {
            throw new ModbusTimeoutException($"{what}: no reply within {timeout.TotalMilliseconds:0} ms");
        }
    }
}
