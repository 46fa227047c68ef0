using System.Buffers;
using System.Text;
using GridEdge.Domain.Control;
using MQTTnet;
using MQTTnet.Protocol;

namespace GridEdge.Simulation.Mqtt;

/// <summary>
/// The hardware side of a simulated charger on MQTT: its own client, publishing the simulated
/// chargepoint's state in the charger's protocol and turning commands into setpoints. Written
/// independently of the gateway's drivers, so the two meet only on the wire.
/// </summary>
public abstract class SimulatedChargerEndpoint : IAsyncDisposable
{
    private readonly IMqttClient _client;

    protected SimulatedChargerEndpoint(SimulatedChargePoint chargePoint, TimeProvider time)
    {
        ChargePoint = chargePoint;
        Time = time;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += e => OnCommandAsync(e.ApplicationMessage.Topic, e.ApplicationMessage.Payload);
    }

    public SimulatedChargePoint ChargePoint { get; }

    public long CommandsReceived { get; private set; }

    protected TimeProvider Time { get; }

    /// <summary>Retained "offline" last will on this topic, "online" after connecting; null for protocols without one.</summary>
    protected abstract string? StatusTopic { get; }

    protected abstract string CommandFilter { get; }

    public async Task ConnectAsync(Uri broker, CancellationToken cancellationToken)
    {
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(broker.Host, broker.Port)
            .WithClientId($"sim-{ChargePoint.Id}")
            .WithCleanStart(true);
        if (StatusTopic is { } status)
        {
            options = options.WithWillTopic(status).WithWillPayload("offline").WithWillRetain(true);
        }

        await _client.ConnectAsync(options.Build(), cancellationToken);
        await _client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(CommandFilter).Build(), cancellationToken);
        if (StatusTopic is { } online)
        {
            await PublishAsync(online, "online", retain: true, cancellationToken);
        }
    }

    /// <summary>Publishes the charger's current state (the demo calls this every second).</summary>
    public abstract Task PublishStateAsync(CancellationToken cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
        }

        _client.Dispose();
        GC.SuppressFinalize(this);
    }

    protected Task PublishAsync(string topic, string payload, bool retain, CancellationToken cancellationToken) =>
        _client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithRetainFlag(retain)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build(),
            cancellationToken);

    /// <summary>Turns one command message into a setpoint, or null when the message is not one this charger accepts.</summary>
    protected abstract Setpoint? Interpret(string topic, string payload);

    private async Task OnCommandAsync(string topic, ReadOnlySequence<byte> payload)
    {
        var text = Encoding.UTF8.GetString(payload);
        if (Interpret(topic, text) is { } setpoint)
        {
            CommandsReceived++;
            await ChargePoint.ApplyAsync(setpoint, CancellationToken.None);
        }
    }
}
