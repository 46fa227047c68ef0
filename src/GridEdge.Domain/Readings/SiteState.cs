using System.Collections.Concurrent;

namespace GridEdge.Domain.Readings;

/// <summary>
/// The reported side of the site: the newest reading per device, written by pollers and drivers
/// on their own threads and frozen into a <see cref="SiteSnapshot"/> once per control cycle.
/// </summary>
public sealed class SiteState
{
    private readonly ConcurrentDictionary<string, Reading<MeterSample>> _meters = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Reading<ChargePointSample>> _chargePoints = new(StringComparer.Ordinal);
    private Reading<BatterySample>? _battery;

    /// <summary>Stores a meter reading unless a newer one is already held (late replies never win).</summary>
    public void Publish(string meterId, Reading<MeterSample> reading) =>
        _meters.AddOrUpdate(meterId, reading, (_, old) => reading.Timestamp >= old.Timestamp ? reading : old);

    /// <summary>Stores a chargepoint reading unless a newer one is already held.</summary>
    public void Publish(string chargePointId, Reading<ChargePointSample> reading) =>
        _chargePoints.AddOrUpdate(chargePointId, reading, (_, old) => reading.Timestamp >= old.Timestamp ? reading : old);

    /// <summary>Stores the battery's reading unless a newer one is already held.</summary>
    public void Publish(Reading<BatterySample> reading)
    {
        var old = Volatile.Read(ref _battery);
        while (old is null || reading.Timestamp >= old.Timestamp)
        {
            var seen = Interlocked.CompareExchange(ref _battery, reading, old);
            if (ReferenceEquals(seen, old))
            {
                return;
            }

            old = seen;
        }
    }

    public SiteSnapshot Snapshot(DateTimeOffset now) => new(now, _meters, _chargePoints) { Battery = Volatile.Read(ref _battery) };
}
