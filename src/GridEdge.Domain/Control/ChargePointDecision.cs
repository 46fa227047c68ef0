namespace GridEdge.Domain.Control;

/// <summary>The controller's choice for one chargepoint in one cycle and why.</summary>
public sealed record ChargePointDecision(string ChargePointId, Setpoint Setpoint, DecisionReason Reason, string Detail);
