using System.Buffers;
using System.Text.Json;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// The go-e Charger API v2 keys the gateway uses, assembled from one MQTT topic per key:
/// <c>car</c> (1 idle, 2 charging, 3 waiting for car, 4 complete, 5 error), <c>amp</c> (A),
/// <c>frc</c> (0 neutral, 1 off, 2 on), <c>psm</c> (1 one phase, 2 three phases), <c>nrg</c>
/// (U1–U3, UN, I1–I3, P1–P3, PN, P total at index 11, …), <c>wh</c> (Wh this session), <c>err</c>.
/// </summary>
public sealed class GoEState
{
    public int? Car { get; private set; }

    public double? Amp { get; private set; }

    public int? ForceState { get; private set; }

    public int? PhaseMode { get; private set; }

    public IReadOnlyList<double>? Energy { get; private set; }

    public double? SessionWh { get; private set; }

    public int? Error { get; private set; }

    /// <summary>Applies one key's value; throws <see cref="ChargerPayloadException"/> naming the key. Unknown keys are ignored.</summary>
    public bool Apply(string key, ReadOnlySequence<byte> payload)
    {
        switch (key)
        {
            case "car":
                Car = Integer(key, payload, 0, 5);
                return true;
            case "amp":
                Amp = Integer(key, payload, 0, 80);
                return true;
            case "frc":
                ForceState = Integer(key, payload, 0, 2);
                return true;
            case "psm":
                PhaseMode = Integer(key, payload, 0, 2);
                return true;
            case "wh":
                SessionWh = Value(key, payload);
                return true;
            case "err":
                Error = Nullable(key, payload);
                return true;
            case "nrg":
                Energy = Array(key, payload);
                return true;
            default:
                return false;
        }
    }

    /// <summary>The chargepoint sample, once <c>car</c> has been seen.</summary>
    public ChargePointSample? ToSample(ChargePointDefinition chargePoint)
    {
        if (Car is not { } car)
        {
            return null;
        }

        var currents = Energy is { Count: >= 7 } nrg ? new[] { nrg[4], nrg[5], nrg[6] } : [];
        var activePhases = currents.Count(i => i > 0.5);
        var power = Energy is { Count: >= 12 } n ? n[11] : 0;
        var status = (Error ?? 0) != 0 || car == 5 ? ChargePointStatus.Error
            : car switch
            {
                2 => ChargePointStatus.Charging,
                3 => ChargePointStatus.Connected,
                4 => ChargePointStatus.Complete,
                _ => ChargePointStatus.Disconnected,
            };
        return new ChargePointSample
        {
            Status = status,
            ActivePhases = activePhases > 0 ? activePhases : PhaseMode == 1 ? 1 : chargePoint.Phases,
            ChargeCurrent = new Current(currents.Length > 0 ? currents.Max() : 0),
            Power = new Power(power),
            SessionEnergy = new Energy(Math.Max(0, SessionWh ?? 0)),
        };
    }

    private static int Integer(string key, ReadOnlySequence<byte> payload, int min, int max)
    {
        var value = Value(key, payload);
        if (value != Math.Floor(value) || value < min || value > max)
        {
            throw new ChargerPayloadException($"'{key}' must be an integer {min}–{max}, got {value}");
        }

        return (int)value;
    }

    private static double Value(string key, ReadOnlySequence<byte> payload)
    {
        using var document = PayloadJson.Parse(payload);
        return PayloadJson.Number(document.RootElement, key);
    }

    private static int? Nullable(string key, ReadOnlySequence<byte> payload)
    {
        using var document = PayloadJson.Parse(payload);
        return document.RootElement.ValueKind == JsonValueKind.Null ? null : (int)PayloadJson.Number(document.RootElement, key);
    }

    private static double[] Array(string key, ReadOnlySequence<byte> payload)
    {
        using var document = PayloadJson.Parse(payload);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new ChargerPayloadException($"'{key}' must be a JSON array");
        }

        return [.. document.RootElement.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Null ? 0 : PayloadJson.Number(e, $"{key}[{i}]"))];
    }
}
