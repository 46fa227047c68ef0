using GridEdge.Domain.Units;

namespace GridEdge.Simulation.Settings;

/// <summary>Household consumption: a base load, a morning and evening peak, and short appliance spikes.</summary>
public sealed record SimulatedHouseSettings
{
    public Power BaseLoad { get; init; } = new(300);

    /// <summary>Extra load at the top of the morning and evening peaks.</summary>
    public Power PeakLoad { get; init; } = new(1500);

    /// <summary>Power of one appliance spike (kettle, oven, heat pump start).</summary>
    public Power SpikeLoad { get; init; } = new(2000);

    /// <summary>Average number of spikes per hour; each lasts a few minutes.</summary>
    public double SpikesPerHour { get; init; } = 1.0;
}
