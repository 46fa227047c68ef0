using GridEdge.Domain.Units;

namespace GridEdge.Domain.Readings;

/// <summary>The vehicle plugged into a chargepoint, as far as it is known.</summary>
public sealed record VehicleSession
{
    public string? VehicleId { get; init; }

    /// <summary>State of charge 0–1, when the vehicle or the user reports it.</summary>
    public double? StateOfCharge { get; init; }

    public Energy? Capacity { get; init; }

    /// <summary>Energy the user wants charged in this session.</summary>
    public Energy? TargetEnergy { get; init; }

    /// <summary>When the vehicle is expected to leave.</summary>
    public DateTimeOffset? Departure { get; init; }

    /// <summary>Energy still needed to reach the target, when both are known.</summary>
    public Energy? RemainingToTarget(Energy charged) =>
        TargetEnergy is { } target ? Energy.Zero > target - charged ? Energy.Zero : target - charged : null;
}
