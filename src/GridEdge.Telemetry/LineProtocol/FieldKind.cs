namespace GridEdge.Telemetry.LineProtocol;

/// <summary>The line-protocol field types.</summary>
public enum FieldKind
{
    FloatingPoint,
    SignedInteger,
    UnsignedInteger,
    Boolean,
    Text,
}
