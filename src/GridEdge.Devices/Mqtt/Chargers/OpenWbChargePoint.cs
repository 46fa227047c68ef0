using System.Buffers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// Driver for an openWB 2.x chargepoint (series 2 / Pro in secondary mode, "Nur Ladepunkt"),
/// through the openWB's own broker. openWB 2.x has no command that sets a current on a chargepoint
/// its own control algorithm runs; an external controller takes the primary's place instead, as
/// openWB's own "external openWB" module does:
/// <list type="bullet">
/// <item>state on <c>openWB/internal_chargepoint/&lt;n&gt;/get/&lt;key&gt;</c> (the same keys as a
/// primary's <c>openWB/chargepoint/&lt;id&gt;/get/…</c>), see <see cref="OpenWbState"/>;</item>
/// <item>commands on <c>openWB/set/internal_chargepoint/&lt;n&gt;/data/set_current</c> (A) and
/// <c>…/data/phases_to_use</c> + <c>…/data/trigger_phase_switch</c>, echoed by openWB on
/// <c>openWB/internal_chargepoint/&lt;n&gt;/data/…</c> once validated;</item>
/// <item>the primary's heartbeat on <c>openWB/set/internal_chargepoint/global_data</c> with every
/// command: openWB stops charging 80 s after the last one, which is its setpoint expiry.</item>
/// </list>
/// <c>&lt;n&gt;</c> is the local chargepoint number (0, or 1 for the second point of a Duo), from
/// <see cref="ChargePointDefinition.DeviceId"/> (default 0). openWB publishes no availability
/// topic: a silent chargepoint is seen stale by its age. openWB cannot discharge.
/// </summary>
public sealed class OpenWbChargePoint(ChargePointDefinition definition, MqttConnection connection, TimeProvider time, ILogger logger)
    : MqttChargePoint(definition, connection, time, logger)
{
    public const string Root = "openWB";

    private readonly OpenWbState _state = new();

    private string Number => Definition.DeviceId ?? "0";

    private string StateBase => $"{Root}/internal_chargepoint/{Number}";

    private string CommandBase => $"{Root}/set/internal_chargepoint/{Number}/data";

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        ReportsDischarge = false;
        await Connection.SubscribeAsync($"{StateBase}/get/+", OnValue, cancellationToken);
        await Connection.SubscribeAsync($"{StateBase}/data/+", OnValue, cancellationToken);
    }

    public override async ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (setpoint.IsDischarge)
        {
            throw new InvalidOperationException($"chargepoint {Id}: openWB chargepoints cannot discharge");
        }

        await Connection.PublishAsync($"{Root}/set/internal_chargepoint/global_data", OpenWbCommand.Heartbeat(Time.GetUtcNow()), retain: false, cancellationToken);
        int? accepted;
        lock (_state)
        {
            accepted = _state.AcceptedPhases;
        }

        if (Definition.PhaseSwitching && !setpoint.IsStop && setpoint.Phases != accepted)
        {
            // openWB pauses, switches and resumes by itself (it needs the trigger to act on phases_to_use).
            await Connection.PublishAsync($"{CommandBase}/phases_to_use", OpenWbCommand.Phases(setpoint.Phases), retain: false, cancellationToken);
            await Connection.PublishAsync($"{CommandBase}/trigger_phase_switch", "true", retain: false, cancellationToken);
        }

        await Connection.PublishAsync($"{CommandBase}/set_current", OpenWbCommand.SetCurrent(setpoint, Definition.CurrentStep), retain: false, cancellationToken);
    }

    /// <summary>
    /// openWB echoes the current it accepted (<c>data/set_current</c>); without an echo yet, the
    /// current the EVSE offers (<c>get/evse_current</c>) must match within 0.5 A.
    /// </summary>
    public override bool Confirms(Setpoint setpoint)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        var amperes = OpenWbCommand.Amperes(setpoint, Definition.CurrentStep);
        lock (_state)
        {
            var phasesOk = !Definition.PhaseSwitching || setpoint.IsStop || _state.AcceptedPhases == setpoint.Phases;
            return phasesOk && (_state.AcceptedCurrent is { } echo
                ? Math.Abs(echo - amperes) < 0.005
                : _state.EvseCurrent is { } offered && Math.Abs(offered - amperes) <= 0.5);
        }
    }

    private void OnValue(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        var key = topic[(topic.LastIndexOf('/') + 1)..];
        try
        {
            lock (_state)
            {
                if (_state.Apply(key, payload) && _state.ToSample(Definition) is { } sample)
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
