namespace GridEdge.Optimization.Scenarios;

/// <summary>The series.csv columns, one value per slot.</summary>
public sealed record ScenarioSeries(
    double[] PvForecastKw,
    double[] PvActualKw,
    double[] LoadForecastKw,
    double[] LoadActualKw,
    double[] ImportPrice,
    double[] ExportPrice,
    double[] Co2GramsPerKwh);
