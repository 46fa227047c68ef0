namespace GridEdge.Modbus;

/// <summary>
/// One table of a server unit (holding or input registers, coils or discrete inputs). Only the
/// addresses the owner has set exist: reading or writing any other is an illegal data address,
/// as on a real device. Thread-safe; the owner updates it while clients read.
/// </summary>
public sealed class DataBank<T>
    where T : struct
{
    private const int Size = 0x10000;
    private readonly T[] _values = new T[Size];
    private readonly bool[] _mapped = new bool[Size];
    private readonly Lock _lock = new();

    /// <summary>Whether clients may write (holding registers and coils of a writable device).</summary>
    public bool AcceptsWrites { get; set; } = true;

    /// <summary>Raised after a client wrote, with the first address and the count (outside the lock).</summary>
    public event Action<ushort, int>? Written;

    /// <summary>Sets (and maps) values starting at <paramref name="address"/>.</summary>
    public void Set(ushort address, ReadOnlySpan<T> values)
    {
        CheckRange(address, values.Length);
        lock (_lock)
        {
            values.CopyTo(_values.AsSpan(address));
            _mapped.AsSpan(address, values.Length).Fill(true);
        }
    }

    public void Set(ushort address, T value) => Set(address, [value]);

    /// <summary>Makes addresses unknown again (a device without that block).</summary>
    public void Unmap(ushort address, int count)
    {
        CheckRange(address, count);
        lock (_lock)
        {
            _mapped.AsSpan(address, count).Clear();
        }
    }

    public T Get(ushort address)
    {
        lock (_lock)
        {
            return _values[address];
        }
    }

    /// <summary>The values, or null when any address in the range is not mapped.</summary>
    public T[]? TryRead(ushort address, int count)
    {
        if (address + count > Size)
        {
            return null;
        }

        lock (_lock)
        {
            return _mapped.AsSpan(address, count).Contains(false) ? null : _values.AsSpan(address, count).ToArray();
        }
    }

    /// <summary>A client's write; false when writes are refused or any address is not mapped.</summary>
    public bool TryWrite(ushort address, ReadOnlySpan<T> values)
    {
        if (!AcceptsWrites || address + values.Length > Size)
        {
            return false;
        }

        lock (_lock)
        {
            if (_mapped.AsSpan(address, values.Length).Contains(false))
            {
                return false;
            }

            values.CopyTo(_values.AsSpan(address));
        }

        Written?.Invoke(address, values.Length);
        return true;
    }

    private static void CheckRange(ushort address, int count)
    {
        if (address + count > Size)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"address {address} + {count} runs past 65535");
        }
    }
}
