using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>The MQTT charger drivers by protocol name (the site file's <c>protocol</c>).</summary>
public static class MqttChargePoints
{
    /// <summary>A driver for <paramref name="chargePoint"/>'s protocol, or null when it has none.</summary>
    public static MqttChargePoint? Create(ChargePointDefinition chargePoint, MqttConnection connection, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        return chargePoint.Protocol switch
        {
            "generic" => new GenericJsonChargePoint(chargePoint, connection, time, logger),
            "go-e" => new GoEChargePoint(chargePoint, connection, time, logger),
            "openwb" => new OpenWbChargePoint(chargePoint, connection, time, logger),
            "everest" => new EverestChargePoint(chargePoint, connection, time, logger),
            _ => null,
        };
    }
}
