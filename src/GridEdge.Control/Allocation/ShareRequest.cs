namespace GridEdge.Control.Allocation;

/// <summary>
/// One consumer asking for a share of limited resources.
/// Amounts are in the consumer's own unit (amperes or watts); <see cref="Usage"/> says how much of each
/// resource one unit takes (e.g. 1 A on L2 only, or 690 W of the total import limit per ampere).
/// </summary>
public readonly record struct ShareRequest(double Demand, double Minimum, int Priority, bool Running, double[] Usage);
