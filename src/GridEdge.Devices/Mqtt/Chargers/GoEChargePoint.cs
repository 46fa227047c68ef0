using System.Buffers;
using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// Driver for go-e Chargers (API v2 over MQTT): reads <c>go-eCharger/&lt;serial&gt;/&lt;key&gt;</c>,
/// sets the current with <c>amx</c> (not persisted to flash, unlike <c>amp</c>), charging on/off
/// with <c>frc</c> and the phase mode with <c>psm</c>. go-e has no setpoint expiry of its own,
/// so the gateway refreshes commands; integer amperes only (profile: current_step_a 1). go-e has
/// no availability topic either: a silent charger is seen stale by its age.
/// </summary>
public sealed class GoEChargePoint(ChargePointDefinition definition, MqttConnection connection, TimeProvider time, ILogger logger)
    : MqttChargePoint(definition, connection, time, logger)
{
    public const string Prefix = "go-eCharger";

    private readonly GoEState _state = new();

    private string Base => $"{Prefix}/{Definition.DeviceId ?? Definition.Id}";

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        ReportsDischarge = false;
        return Connection.SubscribeAsync($"{Base}/+", OnKey, cancellationToken);
    }

    public override async ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (setpoint.IsDischarge)
        {
            throw new InvalidOperationException($"chargepoint {Id}: go-e chargers cannot discharge");
        }

        if (setpoint.IsStop)
        {
            await Set("frc", "1", cancellationToken);
            return;
        }

        var amperes = (int)Math.Floor(setpoint.Current.Amperes);
        await Set("psm", setpoint.Phases >= 3 ? "2" : "1", cancellationToken);
        await Set("amx", amperes.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await Set("frc", "2", cancellationToken);
    }

    /// <summary>go-e echoes its limit: <c>amp</c> shows the current, <c>frc</c> 1 a stop.</summary>
    public override bool Confirms(Setpoint setpoint)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        lock (_state)
        {
            return setpoint.IsStop
                ? _state.ForceState == 1
                : _state.ForceState != 1 && _state.Amp == Math.Floor(setpoint.Current.Amperes);
        }
    }

    private Task Set(string key, string value, CancellationToken cancellationToken) =>
        Connection.PublishAsync($"{Base}/{key}/set", value, retain: false, cancellationToken);

    private void OnKey(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        var key = topic[(topic.LastIndexOf('/') + 1)..];
        try
        {
            Update(key, payload);
        }
        catch (ChargerPayloadException ex)
        {
            Reject(topic, ex.Message);
        }
    }

    private void Update(string key, ReadOnlySequence<byte> payload)
    {
        lock (_state)
        {
            if (!_state.Apply(key, payload))
            {
                return;
            }

            if (_state.ToSample(Definition) is { } sample)
            {
                Accept(sample);
            }
        }
    }
}
