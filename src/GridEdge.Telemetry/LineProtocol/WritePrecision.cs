namespace GridEdge.Telemetry.LineProtocol;

/// <summary>Timestamp precision on the wire (the <c>precision</c> query parameter of both write APIs).</summary>
public enum WritePrecision
{
    Nanoseconds,
    Microseconds,
    Milliseconds,
    Seconds,
}
