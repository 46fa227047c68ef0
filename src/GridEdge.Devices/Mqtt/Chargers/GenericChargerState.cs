using System.Buffers;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// The generic JSON charger contract (PROTOCOLS.md), state side:
/// <c>{"connected","charging","power_w","energy_wh","soc","phases","current_a","max_current_a","min_current_a","v2h","max_discharge_w","complete","error"}</c>.
/// <c>soc</c> is in percent (0–100). <c>power_w</c> is signed: negative while discharging (V2H).
/// </summary>
public static class GenericChargerState
{
    public static ChargePointSample Parse(ReadOnlySequence<byte> payload, ChargePointDefinition chargePoint) =>
        ParseWithCapability(payload, chargePoint).Sample;

    /// <summary>The sample and whether the charger says it can discharge (<c>v2h</c>; null when absent).</summary>
    public static (ChargePointSample Sample, bool? V2h) ParseWithCapability(ReadOnlySequence<byte> payload, ChargePointDefinition chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        using var document = PayloadJson.Parse(payload);
        var state = PayloadJson.RequireObject(document);
        var v2h = PayloadJson.OptionalBool(state, "v2h");
        var connected = PayloadJson.RequiredBool(state, "connected");
        var charging = PayloadJson.RequiredBool(state, "charging");
        var power = PayloadJson.RequiredNumber(state, "power_w");
        var phases = (int)(PayloadJson.OptionalNumber(state, "phases") ?? chargePoint.Phases);
        if (phases is not (1 or 2 or 3))
        {
            throw new ChargerPayloadException($"'phases' must be 1, 2 or 3, got {phases}");
        }

        var soc = PayloadJson.OptionalNumber(state, "soc");
        if (soc is < 0 or > 100)
        {
            throw new ChargerPayloadException($"'soc' must be 0–100 %, got {soc}");
        }

        var energy = PayloadJson.OptionalNumber(state, "energy_wh") ?? 0;
        var current = PayloadJson.OptionalNumber(state, "current_a")
            ?? Math.Abs(power) / (chargePoint.Voltage.Volts * phases);
        var status = Status(connected, charging, PayloadJson.OptionalBool(state, "complete") ?? false, PayloadJson.OptionalBool(state, "error") ?? false);

        var sample = new ChargePointSample
        {
            Status = status,
            ActivePhases = phases,
            ChargeCurrent = new Current(Math.Abs(current)),
            Power = new Power(power),
            SessionEnergy = new Energy(Math.Max(0, energy)),
            Vehicle = connected ? new VehicleSession { StateOfCharge = soc / 100 } : null,
        };
        return (sample, v2h);
    }

    private static ChargePointStatus Status(bool connected, bool charging, bool complete, bool error) =>
        error ? ChargePointStatus.Error
        : !connected ? ChargePointStatus.Disconnected
        : charging ? ChargePointStatus.Charging
        : complete ? ChargePointStatus.Complete
        : ChargePointStatus.Connected;
}
