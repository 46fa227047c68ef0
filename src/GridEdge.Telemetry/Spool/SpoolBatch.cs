using System.Buffers;

namespace GridEdge.Telemetry.Spool;

/// <summary>
/// Consecutive spooled lines read for one write request, oldest first, each ending in <c>\n</c>.
/// Buffers are pooled: dispose the batch once the spool has been told its outcome.
/// </summary>
public sealed class SpoolBatch : IDisposable
{
    private byte[] _bytes;
    private int[] _lineEnds;
    private long[] _sequences;

    internal SpoolBatch(int capacityBytes, int capacityLines)
    {
        _bytes = ArrayPool<byte>.Shared.Rent(capacityBytes);
        _lineEnds = ArrayPool<int>.Shared.Rent(capacityLines);
        _sequences = ArrayPool<long>.Shared.Rent(capacityLines);
    }

    public int Count { get; private set; }

    public int Length { get; private set; }

    /// <summary>All lines, newline-terminated, as one request body.</summary>
    public ReadOnlyMemory<byte> Lines => _bytes.AsMemory(0, Length);

    internal ReadOnlySpan<long> Sequences => _sequences.AsSpan(0, Count);

    /// <summary>Line <paramref name="index"/> including its newline.</summary>
    public ReadOnlyMemory<byte> Line(int index) => Slice(index, 1);

    /// <summary>Lines [<paramref name="start"/>, <paramref name="start"/> + <paramref name="count"/>) as one contiguous body.</summary>
    public ReadOnlyMemory<byte> Slice(int start, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(start + count, Count);
        var from = start == 0 ? 0 : _lineEnds[start - 1];
        var to = count == 0 ? from : _lineEnds[start + count - 1];
        return _bytes.AsMemory(from, to - from);
    }

    internal bool HasRoomFor(int payloadLength, int maxBytes, int maxLines) =>
        Count < maxLines && Length + payloadLength + 1 <= maxBytes;

    /// <summary>Span to read a payload of <paramref name="payloadLength"/> bytes into; the newline is added by <see cref="Commit"/>.</summary>
    internal Span<byte> Reserve(int payloadLength)
    {
        var needed = Length + payloadLength + 1;
        if (needed > _bytes.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, _bytes.Length * 2));
            _bytes.AsSpan(0, Length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_bytes);
            _bytes = bigger;
        }

        if (Count == _lineEnds.Length)
        {
            _lineEnds = Grow(_lineEnds, Count);
            _sequences = Grow(_sequences, Count);
        }

        return _bytes.AsSpan(Length, payloadLength);
    }

    internal void Commit(int payloadLength, long sequence)
    {
        Length += payloadLength;
        _bytes[Length++] = (byte)'\n';
        _lineEnds[Count] = Length;
        _sequences[Count] = sequence;
        Count++;
    }

    public void Dispose()
    {
        if (Count < 0)
        {
            return;
        }

        ArrayPool<byte>.Shared.Return(_bytes);
        ArrayPool<int>.Shared.Return(_lineEnds);
        ArrayPool<long>.Shared.Return(_sequences);
        _bytes = [];
        _lineEnds = [];
        _sequences = [];
        Count = -1;
    }

    private static T[] Grow<T>(T[] array, int used)
    {
        var bigger = ArrayPool<T>.Shared.Rent(Math.Max(16, array.Length * 2));
        array.AsSpan(0, used).CopyTo(bigger);
        ArrayPool<T>.Shared.Return(array);
        return bigger;
    }
}
