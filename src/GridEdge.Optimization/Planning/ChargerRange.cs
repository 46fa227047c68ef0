namespace GridEdge.Optimization.Planning;

/// <summary>
/// A semi-continuous power range: 0 or within [MinKw, MaxKw] (IEC 61851's 6 A minimum makes charging
/// below MinKw impossible). MaxKw = 0 means the direction is not available.
/// </summary>
public readonly record struct ChargerRange(double MinKw, double MaxKw)
{
    public static readonly ChargerRange None = new(0, 0);
}
