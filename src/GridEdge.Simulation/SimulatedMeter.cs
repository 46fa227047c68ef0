using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Simulation;

/// <summary>A meter of the simulated site: reports what the last advance computed, or times out while set offline.</summary>
internal sealed class SimulatedMeter(MeterDefinition definition, TimeProvider time) : IMeter
{
    private static readonly MeterSample NotStarted = new() { Power = Power.Zero };

    private MeterSample? _sample;
    private volatile bool _offline;

    public string Id => definition.Id;

    public MeterRole Role => definition.Role;

    public bool Offline
    {
        get => _offline;
        set => _offline = value;
    }

    public ValueTask<Reading<MeterSample>> ReadAsync(CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled<Reading<MeterSample>>(cancellationToken);
        }

        if (_offline)
        {
            return ValueTask.FromException<Reading<MeterSample>>(
                new TimeoutException($"Meter '{Id}' did not answer: no response within the timeout (simulated)."));
        }

        var sample = Volatile.Read(ref _sample);
        var quality = sample is null ? ReadingQuality.Invalid : ReadingQuality.Good;
        return ValueTask.FromResult(new Reading<MeterSample>(sample ?? NotStarted, time.GetUtcNow(), quality, Id));
    }

    internal void Publish(MeterSample sample) => Volatile.Write(ref _sample, sample);
}
