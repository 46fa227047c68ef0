using GridEdge.Domain.Units;

namespace GridEdge.Simulation.Tests;

/// <summary>Equality within an absolute tolerance, for sequences of amperes.</summary>
internal sealed class Tolerance(double tolerance) : IEqualityComparer<double>, IEqualityComparer<Current>
{
    public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(double obj) => 0;

    public bool Equals(Current x, Current y) => Equals(x.Amperes, y.Amperes);

    public int GetHashCode(Current obj) => 0;
}
