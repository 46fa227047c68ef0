using GridEdge.Optimization.Forecasts;

namespace GridEdge.Host.Planning;

/// <summary>
/// Slot averages of one measured quantity (kW), the last eight days, for the history forecaster.
/// Samples accumulate into the running slot and are closed when a new slot starts. Bounded.
/// </summary>
internal sealed class SlotHistory(TimeSpan slot)
{
    private const int MaxDays = 8;
    private readonly Queue<Sample> _closed = new();
    private DateTimeOffset _current = DateTimeOffset.MinValue;
    private double _sum;
    private int _count;

    public IReadOnlyList<Sample> Samples => [.. _closed];

    /// <summary>The average of the last closed slot, or null before one closed.</summary>
    public double? LastSlot { get; private set; }

    public void Add(DateTimeOffset time, double kilowatts)
    {
        var start = SlotClock.Floor(time, slot);
        if (start != _current)
        {
            Close();
            _current = start;
        }

        _sum += kilowatts;
        _count++;
    }

    private void Close()
    {
        if (_count == 0)
        {
            return;
        }

        var average = _sum / _count;
        _closed.Enqueue(new Sample(_current, average));
        LastSlot = average;
        while (_closed.Count > MaxDays * (int)(TimeSpan.FromDays(1) / slot))
        {
            _closed.Dequeue();
        }

        _sum = 0;
        _count = 0;
    }
}
