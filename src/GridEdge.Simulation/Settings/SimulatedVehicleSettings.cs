using GridEdge.Domain.Units;

namespace GridEdge.Simulation.Settings;

/// <summary>A car that plugs into one chargepoint every day at <see cref="Arrive"/> and leaves at <see cref="Depart"/>.</summary>
public sealed record SimulatedVehicleSettings
{
    public required string ChargePointId { get; init; }

    public string? Name { get; init; }

    public required TimeOnly Arrive { get; init; }

    public required TimeOnly Depart { get; init; }

    public required Energy Capacity { get; init; }

    /// <summary>State of charge 0–1 on arrival.</summary>
    public required double ArrivalStateOfCharge { get; init; }

    /// <summary>Energy the driver wants for this session; null = until full.</summary>
    public Energy? TargetEnergy { get; init; }

    /// <summary>The car's on-board charger limit per phase.</summary>
    public Current MaxCurrent { get; init; } = new(16);

    /// <summary>Phases the car's on-board charger uses (1 or 3).</summary>
    public int Phases { get; init; } = 3;
}
