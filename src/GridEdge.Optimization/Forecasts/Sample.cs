namespace GridEdge.Optimization.Forecasts;

/// <summary>One measured (or forecast) slot average: its start and the value, e.g. kW or price per kWh.</summary>
public readonly record struct Sample(DateTimeOffset Start, double Value);
