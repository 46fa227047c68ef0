namespace GridEdge.Optimization.Scenarios;

/// <summary>The figures of a dispatch scored against a scenario's actual series.</summary>
public sealed record DispatchScore(
    DispatchCost Cost,
    double UnmetKwh,
    IReadOnlyDictionary<string, double> UnmetKwhByVehicle,
    double Peak30MinImportKw,
    double Co2Kg);
