using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation;

/// <summary>Household consumption: base load, a morning (07:00) and an evening (19:00) peak, and random appliance spikes of 2–10 minutes.</summary>
internal sealed class HouseLoad(SimulatedHouseSettings settings, SeededHash hash)
{
    private const int SpikeStream = 3;
    private const double MorningPeakHour = 7;
    private const double MorningWidthHours = 1;
    private const double EveningPeakHour = 19;
    private const double EveningWidthHours = 1.5;

    private readonly Power _base = settings.BaseLoad;
    private readonly Power _peak = settings.PeakLoad;
    private readonly Power _spike = settings.SpikeLoad;
    private readonly RandomEvents _spikes = new(hash, SpikeStream, settings.SpikesPerHour, TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));

    /// <summary>Consumption (positive) at local <paramref name="timeOfDay"/> and absolute <paramref name="seconds"/>.</summary>
    public Power At(TimeSpan timeOfDay, double seconds)
    {
        var hour = timeOfDay.TotalHours;
        var peaks = Bump(hour, MorningPeakHour, MorningWidthHours) + Bump(hour, EveningPeakHour, EveningWidthHours);

        Span<RandomEvent> spikes = stackalloc RandomEvent[_spikes.Capacity];
        var active = _spikes.Active(seconds, spikes);

        return _base + (_peak * peaks) + (_spike * active);
    }

    /// <summary>A Gaussian bump of height 1 around <paramref name="centre"/>, measured round the clock.</summary>
    private static double Bump(double hour, double centre, double width)
    {
        var distance = Math.Abs(hour - centre);
        distance = Math.Min(distance, 24 - distance);
        return Math.Exp(-(distance * distance) / (2 * width * width));
    }
}
