namespace GridEdge.Modbus;

/// <summary>
/// A bounded receive buffer over a stream. A read that outlives a wait stays pending and its
/// bytes land in the buffer later, so a timeout never loses bytes and never depends on whether
/// the stream honours cancellation (serial streams do not always).
/// </summary>
internal sealed class FrameReceiver(Stream stream, TimeProvider time, int capacity)
{
    private readonly byte[] _buffer = new byte[capacity];
    private readonly byte[] _scratch = new byte[capacity];
    private Task<int>? _pending;
    private int _count;

    public ReadOnlySpan<byte> Data => _buffer.AsSpan(0, _count);

    public int Count => _count;

    /// <summary>
    /// Waits up to <paramref name="wait"/> for more bytes. False when none came in time.
    /// Throws <see cref="ModbusConnectionException"/> when the peer closed the stream.
    /// </summary>
    public async ValueTask<bool> ReceiveAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        if (_count == _buffer.Length)
        {
            throw new ModbusFrameException($"{_count} bytes received without a complete frame");
        }

        _pending ??= ReadAsync(_buffer.Length - _count);
        if (!_pending.IsCompleted)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delay = Task.Delay(wait, time, stop.Token);
            var first = await Task.WhenAny(_pending, delay).ConfigureAwait(false);
            await stop.CancelAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            if (first != _pending)
            {
                return false;
            }
        }

        var task = _pending;
        _pending = null;
        int read;
        try
        {
            read = await task.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            throw new ModbusConnectionException("connection lost: " + ex.Message, ex);
        }

        if (read == 0)
        {
            throw new ModbusConnectionException("connection closed by the peer");
        }

        _scratch.AsSpan(0, read).CopyTo(_buffer.AsSpan(_count));
        _count += read;
        return true;
    }

    /// <summary>Drops the first <paramref name="count"/> bytes (a consumed or discarded frame).</summary>
    public void Consume(int count)
    {
        _buffer.AsSpan(count, _count - count).CopyTo(_buffer);
        _count -= count;
    }

    public void Clear() => _count = 0;

    // The pending read uses no token: it ends with the stream, which the owner disposes.
    private Task<int> ReadAsync(int room) => stream.ReadAsync(_scratch.AsMemory(0, room), CancellationToken.None).AsTask();
}
