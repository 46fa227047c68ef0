using GridEdge.Domain.Readings;

namespace GridEdge.Devices.Polling;

/// <summary>A device's latest reading as seen at one moment: its age, whether it is stale, and the failures since it.</summary>
public sealed record DeviceStatus(string Id, Reading<MeterSample>? Reading, TimeSpan? Age, bool Stale, int ConsecutiveFailures);
