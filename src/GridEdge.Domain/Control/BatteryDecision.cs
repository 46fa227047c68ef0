using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>The power commanded to the site's battery this cycle (+ charge, − discharge), and why.</summary>
public sealed record BatteryDecision(string BatteryId, Power Setpoint, DecisionReason Reason, string Detail);
