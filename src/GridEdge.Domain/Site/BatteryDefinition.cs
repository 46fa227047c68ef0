using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>A stationary battery.</summary>
public sealed record BatteryDefinition
{
    public required Energy Capacity { get; init; }

    public required Power MaxChargePower { get; init; }

    public required Power MaxDischargePower { get; init; }

    /// <summary>Lowest state of charge the battery may be discharged to, 0–1.</summary>
    public double MinStateOfCharge { get; init; }

    /// <summary>Highest state of charge the battery may be charged to, 0–1.</summary>
    public double MaxStateOfCharge { get; init; } = 1.0;

    public string? MeterId { get; init; }
}
