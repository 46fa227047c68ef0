using System.Buffers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// Driver for an EVerest charger through its API module: variables on
/// <c>everest_api/&lt;connector&gt;/var/&lt;key&gt;</c> (see <see cref="EverestState"/>), commands on
/// <c>everest_api/&lt;connector&gt;/cmd/…</c> (see <see cref="EverestCommand"/>), never retained.
/// The connector is the EvseManager's module id from <see cref="ChargePointDefinition.DeviceId"/>
/// (default <c>evse_manager</c>). The API module republishes every variable each second and has no
/// last will: a charger that stops publishing is seen stale by its reading's age. Discharge
/// (negative <c>set_limit_watts</c>) needs a bidirectional chargepoint whose hardware reports an
/// export current.
/// </summary>
public sealed class EverestChargePoint(ChargePointDefinition definition, MqttConnection connection, TimeProvider time, ILogger logger)
    : MqttChargePoint(definition, connection, time, logger)
{
    public const string Root = "everest_api";

    public const string DefaultConnector = "evse_manager";

    private readonly EverestState _state = new();
    private bool _paused;

    private string Base => $"{Root}/{Definition.DeviceId ?? DefaultConnector}";

    public override Task StartAsync(CancellationToken cancellationToken) =>
        Connection.SubscribeAsync($"{Base}/var/+", OnVariable, cancellationToken);

    public override async ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (setpoint.IsDischarge && (!Definition.Bidirectional || ReportsDischarge == false))
        {
            throw new InvalidOperationException($"chargepoint {Id} is not bidirectional (configuration or EVerest's hardware capabilities): refusing a discharge setpoint");
        }

        bool resume;
        lock (_state)
        {
            resume = !setpoint.IsStop && (_paused || _state.State == "ChargingPausedEVSE");
        }

        foreach (var (command, payload) in EverestCommand.Encode(setpoint, Definition.CurrentStep, resume))
        {
            await Connection.PublishAsync($"{Base}/cmd/{command}", payload, retain: false, cancellationToken);
        }

        lock (_state)
        {
            _paused = setpoint.IsStop;
        }
    }

    /// <summary>
    /// A current limit shows in <c>limits.max_current</c>; a power limit has no echo, so the
    /// measured power must match within 5 % (at least 100 W); a stop shows as any state but charging.
    /// </summary>
    public override bool Confirms(Setpoint setpoint)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        lock (_state)
        {
            if (setpoint.IsStop)
            {
                return _state.State is { } state && state != "Charging";
            }

            if (setpoint.Kind == SetpointKind.Current)
            {
                return _state.LimitCurrent is { } limit && Math.Abs(limit - EverestCommand.Amperes(setpoint, Definition.CurrentStep)) < 0.05;
            }

            return (_state.MeterPower ?? _state.LatestTotalW) is { } power
                && Math.Abs(power - setpoint.Power.Watts) <= Math.Max(100, Math.Abs(setpoint.Power.Watts) * 0.05);
        }
    }

    private void OnVariable(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        var key = topic[(topic.LastIndexOf('/') + 1)..];
        try
        {
            lock (_state)
            {
                if (!_state.Apply(key, payload))
                {
                    return;
                }

                ReportsDischarge = _state.CanDischarge;
                if (_state.ToSample(Definition) is { } sample)
                {
                    Accept(sample);
                }
            }
        }
        catch (ChargerPayloadException ex)
        {
            Reject(topic, ex.Message);
        }
    }
}
