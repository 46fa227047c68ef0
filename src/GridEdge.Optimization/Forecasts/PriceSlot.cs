namespace GridEdge.Optimization.Forecasts;

/// <summary>One priced slot from a price file: start, length, import price per kWh, CO2 intensity (g/kWh) if the file has it.</summary>
public readonly record struct PriceSlot(DateTimeOffset Start, TimeSpan Length, double PricePerKwh, double? Co2GramsPerKwh);
