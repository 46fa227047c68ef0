namespace GridEdge.Domain.Control;

/// <summary>Whether a setpoint is to be applied as a current limit or a power target.</summary>
public enum SetpointKind
{
    Current,
    Power,
}
