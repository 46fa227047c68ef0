using Microsoft.Extensions.Logging;

namespace GridEdge.Devices;

/// <summary>Every log line of the device drivers, source-generated. Event ids 5000–5999.</summary>
internal static partial class Log
{
    [LoggerMessage(5000, LogLevel.Information, "Device {DeviceId}: SunSpec at {Base} with models {Models}")]
    public static partial void SunSpecFound(ILogger logger, string deviceId, int @base, string models);

    [LoggerMessage(5001, LogLevel.Warning, "Device {DeviceId}: read failed ({Kind}): {Error}")]
    public static partial void ReadFailed(ILogger logger, string deviceId, string kind, string error);

    [LoggerMessage(5002, LogLevel.Information, "Device {DeviceId}: answering again after {Failures} failed polls")]
    public static partial void Recovered(ILogger logger, string deviceId, int failures);

    [LoggerMessage(5003, LogLevel.Debug, "Device {DeviceId}: next try in {DelayMs} ms after {Failures} failures")]
    public static partial void BackingOff(ILogger logger, string deviceId, double delayMs, int failures);

    [LoggerMessage(5004, LogLevel.Debug, "Battery {DeviceId}: power setpoint {Watts} W written as {Registers}")]
    public static partial void BatterySetpointWritten(ILogger logger, string deviceId, double watts, string registers);

    // MQTT charger drivers: 5500–5599.
    [LoggerMessage(5500, LogLevel.Information, "MQTT {Broker}: connected")]
    public static partial void Connected(ILogger logger, string broker);

    [LoggerMessage(5501, LogLevel.Warning, "MQTT {Broker}: connection lost or refused ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, double delayMs);

    [LoggerMessage(5502, LogLevel.Warning, "MQTT charger {ChargePointId}: ignored payload on {Topic}: {Reason}")]
    public static partial void InvalidPayload(ILogger logger, string chargePointId, string topic, string reason);

    [LoggerMessage(5503, LogLevel.Warning, "MQTT charger {ChargePointId} reports {Availability}")]
    public static partial void Availability(ILogger logger, string chargePointId, string availability);
}
