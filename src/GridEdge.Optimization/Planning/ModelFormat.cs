namespace GridEdge.Optimization.Planning;

/// <summary>Text formats a planning LP can be exported in, for replay or another solver (e.g. cbc).</summary>
public enum ModelFormat
{
    /// <summary>Free MPS.</summary>
    Mps,

    /// <summary>CPLEX LP format.</summary>
    Lp,
}
