using GridEdge.Domain.Readings;

namespace GridEdge.Domain.Capabilities;

/// <summary>A device that measures power at one point of the site (grid connection, PV, battery, a load).</summary>
public interface IMeter
{
    string Id { get; }

    /// <summary>Reads the device now. Failures surface as exceptions; the poller turns them into quality and age.</summary>
    ValueTask<Reading<MeterSample>> ReadAsync(CancellationToken cancellationToken);
}
