using System.Buffers;
using System.Text;
using GridEdge.Devices.Mqtt;
using GridEdge.Optimization.Forecasts;

namespace GridEdge.Host.Planning;

/// <summary>
/// A schedule published on an MQTT topic, on the site's own connection to that broker: every payload
/// (a retained one on (re)subscribe too) is offered as the whole CSV text.
/// </summary>
public sealed class MqttScheduleFeed(MqttConnection connection, string topic, IScheduleTarget target)
{
    /// <summary>Registers the topic; it is subscribed now if connected and again after every reconnect.</summary>
    public Task SubscribeAsync(CancellationToken cancellationToken) => connection.SubscribeAsync(topic, OnMessage, cancellationToken);

    private void OnMessage(string messageTopic, ReadOnlySequence<byte> payload, bool retained) =>
        target.Offer(Encoding.UTF8.GetString(payload), $"mqtt {messageTopic}");
}
