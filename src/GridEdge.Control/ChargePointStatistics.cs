namespace GridEdge.Control;

/// <summary>Counters of one chargepoint's control history: how often it started and switched phases.</summary>
public readonly record struct ChargePointStatistics(string ChargePointId, int Starts, int PhaseSwitches);
