namespace GridEdge.Optimization.Planning;

/// <summary>Prices of what is not energy: a kWh missing at departure, and a kg of CO2 imported.</summary>
public sealed record Penalties(double UnmetEnergyPerKwh, double Co2PricePerKg);
