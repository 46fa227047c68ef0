using System.Buffers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// An openWB 2.x chargepoint assembled from one MQTT topic per value, as openWB publishes them
/// (JSON-encoded, see <see cref="OpenWbValue"/>). State keys (<c>…/get/&lt;key&gt;</c>): <c>power</c> W
/// (signed), <c>currents</c> [A L1, L2, L3], <c>imported</c> Wh (the chargepoint meter's counter),
/// <c>plug_state</c>, <c>charge_state</c>, <c>phases_in_use</c>, <c>fault_state</c> (0 ok,
/// 1 warning, 2 error), <c>fault_str</c>, <c>evse_current</c> A (what the EVSE offers). Echo keys
/// (<c>…/data/&lt;key&gt;</c>): <c>set_current</c> and <c>phases_to_use</c>, openWB's validated copy
/// of the last command. Unknown keys are ignored.
/// </summary>
/// <remarks>
/// openWB 2.x has no session-energy value of its own in this tree: the session is counted from
/// the <c>imported</c> counter at plug-in (or at the first counter value seen while plugged in,
/// after a gateway restart). openWB has no "vehicle full" state either: a vehicle that took energy
/// this session and then stops drawing although current is offered reads as complete (IEC 61851
/// state B after C), as go-e's <c>car</c> 4 does.
/// </remarks>
public sealed class OpenWbState
{
    /// <summary>Energy a session must have taken before "stopped drawing" reads as complete rather than "not started yet".</summary>
    public const double CompleteAfterWh = 50;

    private double? _sessionStartWh;

    public double? Power { get; private set; }

    public IReadOnlyList<double>? Currents { get; private set; }

    public double? ImportedWh { get; private set; }

    public bool? PlugState { get; private set; }

    public bool? ChargeState { get; private set; }

    public int? PhasesInUse { get; private set; }

    public int? FaultState { get; private set; }

    public string? FaultText { get; private set; }

    public double? EvseCurrent { get; private set; }

    /// <summary>The current openWB accepted from our last <c>set_current</c> command (its echo under <c>data/</c>).</summary>
    public double? AcceptedCurrent { get; private set; }

    /// <summary>The phase count openWB accepted from our last <c>phases_to_use</c> command.</summary>
    public int? AcceptedPhases { get; private set; }

    /// <summary>Energy since plug-in, from the meter counter.</summary>
    public double SessionWh => PlugState == true && ImportedWh is { } now && _sessionStartWh is { } start ? Math.Max(0, now - start) : 0;

    /// <summary>Applies one key's value; throws <see cref="ChargerPayloadException"/> naming the key. Returns false for keys it does not use.</summary>
    public bool Apply(string key, ReadOnlySequence<byte> payload)
    {
        switch (key)
        {
            case "power":
                Power = OpenWbValue.Number(key, payload);
                return true;
            case "currents":
                Currents = OpenWbValue.Numbers(key, payload, 3);
                return true;
            case "imported":
                Imported(OpenWbValue.Number(key, payload, min: 0));
                return true;
            case "plug_state":
                Plugged(OpenWbValue.Bool(key, payload));
                return true;
            case "charge_state":
                ChargeState = OpenWbValue.Bool(key, payload);
                return true;
            case "phases_in_use":
                PhasesInUse = OpenWbValue.Integer(key, payload, 0, 3);
                return true;
            case "fault_state":
                FaultState = OpenWbValue.Integer(key, payload, 0, 2);
                return true;
            case "fault_str":
                FaultText = OpenWbValue.Text(key, payload);
                return true;
            case "evse_current":
                EvseCurrent = OpenWbValue.Number(key, payload, min: 0, max: 100);
                return true;
            case "set_current":
                AcceptedCurrent = OpenWbValue.Number(key, payload, min: 0, max: 100);
                return true;
            case "phases_to_use":
                AcceptedPhases = OpenWbValue.Integer(key, payload, 1, 3);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The chargepoint sample, once both <c>plug_state</c> and <c>charge_state</c> have been seen.</summary>
    public ChargePointSample? ToSample(ChargePointDefinition chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        if (PlugState is not { } plugged || ChargeState is not { } charging)
        {
            return null;
        }

        var power = Power ?? 0;
        var drawing = Currents?.Count(i => Math.Abs(i) > 0.5) ?? 0;
        var phases = PhasesInUse is (>= 1 and <= 3) and var inUse ? inUse : drawing > 0 ? drawing : chargePoint.Phases;
        var current = Currents is { Count: > 0 } currents
            ? currents.Max(Math.Abs)
            : Math.Abs(power) / (chargePoint.Voltage.Volts * phases);
        var offered = EvseCurrent ?? AcceptedCurrent ?? 0;
        var status = FaultState == 2 ? ChargePointStatus.Error
            : !plugged ? ChargePointStatus.Disconnected
            : charging ? ChargePointStatus.Charging
            : SessionWh >= CompleteAfterWh && offered >= chargePoint.MinCurrent.Amperes ? ChargePointStatus.Complete
            : ChargePointStatus.Connected;
        return new ChargePointSample
        {
            Status = status,
            ActivePhases = phases,
            ChargeCurrent = new Current(current),
            Power = new Power(power),
            SessionEnergy = new Energy(SessionWh),
        };
    }

    private void Plugged(bool plugged)
    {
        if (plugged && PlugState != true)
        {
            // A new session starts at the counter's current value (or the next one, if none yet).
            _sessionStartWh = ImportedWh;
        }

        PlugState = plugged;
    }

    private void Imported(double wattHours)
    {
        ImportedWh = wattHours;
        if (PlugState == true && (_sessionStartWh is null || wattHours < _sessionStartWh))
        {
            // First counter value of this session, or the meter was replaced/reset.
            _sessionStartWh = wattHours;
        }
    }
}
