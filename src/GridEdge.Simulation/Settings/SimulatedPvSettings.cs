using GridEdge.Domain.Units;

namespace GridEdge.Simulation.Settings;

/// <summary>A PV system following a clear-sky curve between sunrise and sunset, dimmed by passing clouds.</summary>
public sealed record SimulatedPvSettings
{
    public required Power Peak { get; init; }

    public TimeOnly Sunrise { get; init; } = new(6, 0);

    public TimeOnly Sunset { get; init; } = new(18, 0);

    /// <summary>0 = clear sky, 1 = heavy, fast-changing cloud cover.</summary>
    public double Cloudiness { get; init; } = 0.2;
}
