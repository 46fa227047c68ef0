using System.Buffers;
using System.Text;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// Driver for the generic JSON charger contract: state on <c>&lt;prefix&gt;/&lt;id&gt;/state</c>,
/// availability on <c>…/status</c>, commands on <c>…/set</c> (never retained).
/// </summary>
public sealed class GenericJsonChargePoint(ChargePointDefinition definition, MqttConnection connection, TimeProvider time, ILogger logger)
    : MqttChargePoint(definition, connection, time, logger)
{
    public const string DefaultPrefix = "gridedge/charger";

    private string Base => $"{Definition.Prefix ?? DefaultPrefix}/{Definition.DeviceId ?? Definition.Id}";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Availability first: its retained value arrives before the retained state.
        await Connection.SubscribeAsync($"{Base}/status", OnStatus, cancellationToken);
        await Connection.SubscribeAsync($"{Base}/state", OnState, cancellationToken);
    }

    public override async ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (setpoint.IsDischarge && !Definition.Bidirectional)
        {
            throw new InvalidOperationException($"chargepoint {Id} is not bidirectional: refusing a discharge setpoint");
        }

        await Connection.PublishAsync($"{Base}/set", GenericChargerCommand.Encode(setpoint, Time.GetUtcNow()), retain: false, cancellationToken);
    }

    /// <summary>The generic contract has no echo of the limit: the drawn current (or power) must match within a tolerance.</summary>
    public override bool Confirms(Setpoint setpoint)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (LatestSample is not { } sample)
        {
            return false;
        }

        return setpoint.Kind == SetpointKind.Power
            ? Math.Abs(sample.Power.Watts - setpoint.Power.Watts) <= Math.Max(100, Math.Abs(setpoint.Power.Watts) * 0.05)
            : Math.Abs(sample.ChargeCurrent.Amperes - setpoint.Current.Amperes) <= 1.0;
    }

    private void OnState(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        try
        {
            var (sample, v2h) = GenericChargerState.ParseWithCapability(payload, Definition);
            ReportsDischarge = v2h;
            Accept(sample);
        }
        catch (ChargerPayloadException ex)
        {
            Reject(topic, ex.Message);
        }
    }

    private void OnStatus(string topic, ReadOnlySequence<byte> payload, bool retained) =>
        SetAvailability(topic, Encoding.UTF8.GetString(payload.Length > 64 ? payload.Slice(0, 64) : payload).Trim());
}
