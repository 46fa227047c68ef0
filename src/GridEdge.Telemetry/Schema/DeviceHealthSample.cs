namespace GridEdge.Telemetry.Schema;

/// <summary>
/// Communication counters of one device as the host's pollers keep them (cumulative since start),
/// recorded as the <c>device_health</c> measurement.
/// </summary>
/// <param name="DeviceId">Meter or chargepoint id from the site file.</param>
/// <param name="Protocol">modbus, mqtt, simulated…</param>
/// <param name="Reads">Successful reads since start.</param>
/// <param name="Errors">Failed reads or writes since start.</param>
/// <param name="Online">Whether the device answered its last request.</param>
public sealed record DeviceHealthSample(string DeviceId, string Protocol, long Reads, long Errors, bool Online);
