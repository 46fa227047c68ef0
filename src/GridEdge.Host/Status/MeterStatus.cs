using GridEdge.Devices.Modbus;
using GridEdge.Domain.Readings;
using GridEdge.Host.Runtime;

namespace GridEdge.Host.Status;

/// <summary>One meter in the status report: its latest reading and how its polling goes.</summary>
internal sealed record MeterStatus(string Id, string Role, double? PowerW, double? AgeS, string? Quality, long Reads, long Errors, string? LastError, DeviceCountersSnapshot? Modbus)
{
    public static MeterStatus Create(MeterPoller poller, Reading<MeterSample>? reading, DateTimeOffset now, DeviceCounters? modbus) => new(
        poller.Definition.Id,
        poller.Definition.Role.ToString().ToLowerInvariant(),
        reading is null ? null : Math.Round(reading.Value.Power.Watts, 1),
        reading is null ? null : Math.Round(reading.AgeAt(now).TotalSeconds, 1),
        reading?.Quality.ToString().ToLowerInvariant(),
        poller.Reads,
        poller.Errors,
        poller.LastError,
        modbus?.Snapshot());
}
