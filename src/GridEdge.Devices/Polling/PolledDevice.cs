using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;

namespace GridEdge.Devices.Polling;

/// <summary>One device on a bus with its schedule: when it is due, how often it failed, what it last read.</summary>
public sealed class PolledDevice(IMeter meter, PollSettings settings)
{
    private Reading<MeterSample>? _latest;

    public IMeter Meter => meter;

    public PollSettings Settings => settings;

    /// <summary>When it is polled next: now at first; set it to start later or to stagger devices on a bus.</summary>
    public DateTimeOffset NextDue { get; set; } = DateTimeOffset.MinValue;

    public int ConsecutiveFailures { get; internal set; }

    public Reading<MeterSample>? Latest
    {
        get => Volatile.Read(ref _latest);
        internal set => Volatile.Write(ref _latest, value);
    }

    /// <summary>Stale: no reading yet, or older than <see cref="PollSettings.StaleAfter"/>.</summary>
    public DeviceStatus Status(DateTimeOffset now)
    {
        var latest = Latest;
        var age = latest?.AgeAt(now);
        return new DeviceStatus(meter.Id, latest, age, age is null || age > settings.StaleAfter, ConsecutiveFailures);
    }
}
