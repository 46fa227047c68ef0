namespace GridEdge.Optimization.Planning;

/// <summary>
/// A vehicle's part of one slot: signed power (+ charge, − discharge) and its band. The band's lower
/// edge <see cref="MinEnergyAfterKwh"/> is the least energy after this slot from which the target can
/// still be reached at full power, so a controller that deviates live knows how far it may go.
/// </summary>
public sealed record VehicleSlotPlan(string VehicleId, double PowerKw, double EnergyAfterKwh, double MinEnergyAfterKwh);
