namespace GridEdge.Simulation.Settings;

/// <summary>The <c>simulation:</c> section of a site file: what the built-in simulated site looks like.</summary>
public sealed record SimulationSettings
{
    /// <summary>
    /// Local time of day the simulated clock starts at, so the demo shows sunshine whatever the
    /// real hour; null runs on the real clock.
    /// </summary>
    public TimeOnly? StartTime { get; init; }

    /// <summary>Seed of every random process (clouds, load spikes); the same seed gives the same day.</summary>
    public int Seed { get; init; } = 1;

    public required SimulatedPvSettings Pv { get; init; }

    public required SimulatedHouseSettings House { get; init; }

    public IReadOnlyList<SimulatedVehicleSettings> Vehicles { get; init; } = [];

    /// <summary>State of charge (0–1) the simulated battery starts at, when the site has one marked simulated.</summary>
    public double BatteryStateOfCharge { get; init; } = 0.5;
}
