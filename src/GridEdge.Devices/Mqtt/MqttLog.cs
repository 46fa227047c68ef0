using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt;

/// <summary>Log lines of the MQTT drivers, source-generated. Event ids 5500–5599 (within Devices' 5000–5999).</summary>
internal static partial class MqttLog
{
    [LoggerMessage(5500, LogLevel.Information, "MQTT {Broker}: connected")]
    public static partial void Connected(ILogger logger, string broker);

    [LoggerMessage(5501, LogLevel.Warning, "MQTT {Broker}: connection lost or refused ({Reason}); retrying in {DelayMs} ms")]
    public static partial void ConnectFailed(ILogger logger, string broker, string reason, double delayMs);

    [LoggerMessage(5502, LogLevel.Warning, "MQTT charger {ChargePointId}: ignored payload on {Topic}: {Reason}")]
    public static partial void InvalidPayload(ILogger logger, string chargePointId, string topic, string reason);

    [LoggerMessage(5503, LogLevel.Warning, "MQTT charger {ChargePointId} reports {Availability}")]
    public static partial void Availability(ILogger logger, string chargePointId, string availability);
}
