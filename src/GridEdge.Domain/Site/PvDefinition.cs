using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>The PV system: its peak power and the meter/inverter that reports its output.</summary>
public sealed record PvDefinition
{
    public required Power PeakPower { get; init; }

    public string? MeterId { get; init; }
}
