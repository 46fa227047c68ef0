namespace GridEdge.Modbus;

/// <summary>Result of parsing the bytes received so far.</summary>
public enum FrameStatus
{
    NeedMore,
    Complete,
    Invalid,
}
