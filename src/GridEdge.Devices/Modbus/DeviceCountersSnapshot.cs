namespace GridEdge.Devices.Modbus;

/// <summary>Counters of one device at a moment: polls, errors by kind (DeviceException, Timeout, Frame, Connection, Other), latency in ms.</summary>
public sealed record DeviceCountersSnapshot(long Polls, IReadOnlyDictionary<string, long> Errors, double? LatencyP50Ms, double? LatencyP99Ms, string? LastError);
