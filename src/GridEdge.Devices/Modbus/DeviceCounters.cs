using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// Per-device counters for /api/status: polls, errors by kind, and latency percentiles over the
/// last <see cref="Window"/> polls (bounded; older samples fall out).
/// </summary>
public sealed class DeviceCounters
{
    public const int Window = 512;
    private readonly double[] _latencies = new double[Window];
    private readonly long[] _errors = new long[Enum.GetValues<ModbusErrorKind>().Length];
    private readonly Lock _lock = new();
    private long _polls;
    private int _next;
    private int _filled;
    private string? _lastError;

    public void Success(TimeSpan latency)
    {
        lock (_lock)
        {
            _polls++;
            _latencies[_next] = latency.TotalMilliseconds;
            _next = (_next + 1) % Window;
            _filled = Math.Min(_filled + 1, Window);
            _lastError = null;
        }
    }

    public void Failure(Exception error)
    {
        lock (_lock)
        {
            _polls++;
            _errors[(int)ModbusErrors.Classify(error)]++;
            _lastError = error.Message;
        }
    }

    public DeviceCountersSnapshot Snapshot()
    {
        lock (_lock)
        {
            var sorted = _latencies.AsSpan(0, _filled).ToArray();
            Array.Sort(sorted);
            return new DeviceCountersSnapshot(
                _polls,
                Enum.GetValues<ModbusErrorKind>().Where(k => _errors[(int)k] > 0).ToDictionary(k => k.ToString(), k => _errors[(int)k], StringComparer.Ordinal),
                Percentile(sorted, 0.50),
                Percentile(sorted, 0.99),
                _lastError);
        }
    }

    private static double? Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? null : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
