using GridEdge.Domain.Units;

namespace GridEdge.Domain.Readings;

/// <summary>
/// A stationary battery's state: its AC power (positive while charging, negative while discharging)
/// and its state of charge as a fraction 0–1.
/// </summary>
public sealed record BatterySample(Power Power, double StateOfCharge);
