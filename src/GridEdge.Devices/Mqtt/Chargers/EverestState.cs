using System.Buffers;
using System.Text.Json;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// An EVerest connector as its API module publishes it, every second, on
/// <c>everest_api/&lt;connector&gt;/var/&lt;key&gt;</c> (JSON objects):
/// <c>session_info</c> (<c>state</c>, <c>charged_energy_wh</c>, <c>discharged_energy_wh</c>,
/// <c>latest_total_w</c>, <c>active_permanent_faults</c>), <c>limits</c> (<c>max_current</c> A in
/// effect, <c>nr_of_phases_available</c>), <c>hardware_capabilities</c>
/// (<c>min/max_current_A_import</c>, <c>max_current_A_export</c>, <c>max_phase_count_import</c>;
/// older releases: <c>min/max_current_A</c>, <c>max_phase_count</c>) and <c>powermeter</c>
/// (<c>power_W.total</c> signed, <c>current_A.L1–L3</c>). Other keys (<c>datetime</c>,
/// <c>telemetry</c>) are ignored.
/// </summary>
public sealed class EverestState
{
    private static readonly string[] Lines = ["L1", "L2", "L3"];

    private static readonly Dictionary<string, ChargePointStatus> States = new(StringComparer.Ordinal)
    {
        ["Unplugged"] = ChargePointStatus.Disconnected,
        ["Preparing"] = ChargePointStatus.Connected,
        ["Reserved"] = ChargePointStatus.Connected,
        ["AuthRequired"] = ChargePointStatus.Connected,
        ["WaitingForEnergy"] = ChargePointStatus.Connected,
        ["ChargingPausedEVSE"] = ChargePointStatus.Connected,
        ["Charging"] = ChargePointStatus.Charging,

        // The vehicle stopped although energy is offered: full (IEC 61851 state B after C), or done.
        ["ChargingPausedEV"] = ChargePointStatus.Complete,
        ["Finished"] = ChargePointStatus.Complete,

        // Taken out of service (operator, OCPP): it cannot charge whatever we ask.
        ["Disabled"] = ChargePointStatus.Error,
    };

    /// <summary>The session state as EVerest names it (<c>Charging</c>, <c>ChargingPausedEVSE</c>…).</summary>
    public string? State { get; private set; }

    public double? ChargedWh { get; private set; }

    public double? LatestTotalW { get; private set; }

    /// <summary>The first active permanent fault (one that blocks charging), or null.</summary>
    public string? Fault { get; private set; }

    /// <summary>The current limit in effect (after EVerest's energy manager), A.</summary>
    public double? LimitCurrent { get; private set; }

    public int? LimitPhases { get; private set; }

    public double? MinImportCurrent { get; private set; }

    public double? MaxImportCurrent { get; private set; }

    public double? MaxExportCurrent { get; private set; }

    public double? MeterPower { get; private set; }

    public IReadOnlyList<double>? MeterCurrents { get; private set; }

    /// <summary>True when the hardware can export (discharge); null until its capabilities are seen.</summary>
    public bool? CanDischarge => MaxImportCurrent is null ? null : MaxExportCurrent > 0;

    /// <summary>Applies one variable; throws <see cref="ChargerPayloadException"/> naming the key within it (the topic names the variable). Returns false for variables it does not use.</summary>
    public bool Apply(string key, ReadOnlySequence<byte> payload)
    {
        Action<JsonElement>? apply = key switch
        {
            "session_info" => Session,
            "limits" => Limits,
            "hardware_capabilities" => Capabilities,
            "powermeter" => Powermeter,
            _ => null,
        };
        if (apply is null)
        {
            return false;
        }

        using var document = PayloadJson.Parse(payload);
        apply(PayloadJson.RequireObject(document));
        return true;
    }

    /// <summary>The connector's sample, once <c>session_info</c> has been seen.</summary>
    public ChargePointSample? ToSample(ChargePointDefinition chargePoint)
    {
        ArgumentNullException.ThrowIfNull(chargePoint);
        if (State is not { } state)
        {
            return null;
        }

        var power = MeterPower ?? LatestTotalW ?? 0;
        var drawing = MeterCurrents?.Count(i => Math.Abs(i) > 0.5) ?? 0;
        var phases = drawing > 0 ? drawing : LimitPhases is (>= 1 and <= 3) and var available ? available : chargePoint.Phases;
        var current = MeterCurrents is { Count: > 0 } currents && drawing > 0
            ? currents.Max(Math.Abs)
            : Math.Abs(power) / (chargePoint.Voltage.Volts * phases);
        return new ChargePointSample
        {
            Status = Fault is not null ? ChargePointStatus.Error : States[state],
            ActivePhases = phases,
            ChargeCurrent = new Current(current),
            Power = new Power(power),
            SessionEnergy = new Energy(Math.Max(0, ChargedWh ?? 0)),
        };
    }

    private static JsonElement? Child(JsonElement obj, string key)
    {
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Object ? value : throw new ChargerPayloadException($"'{key}' must be an object");
    }

    private static string? FirstFault(JsonElement session)
    {
        if (!session.TryGetProperty("active_permanent_faults", out var faults))
        {
            return null;
        }

        // A list in current releases (strings or error objects), a string in older ones; empty means none.
        return faults.ValueKind switch
        {
            JsonValueKind.Array => faults.GetArrayLength() == 0 ? null : faults[0] is { ValueKind: JsonValueKind.String } text ? text.GetString() : faults[0].GetRawText(),
            JsonValueKind.String => string.IsNullOrWhiteSpace(faults.GetString()) ? null : faults.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ChargerPayloadException("'active_permanent_faults' must be a list or a string"),
        };
    }

    private void Session(JsonElement session)
    {
        var state = session.TryGetProperty("state", out var s) && s.ValueKind == JsonValueKind.String
            ? s.GetString()!
            : throw new ChargerPayloadException("'state' is missing or not a string");
        if (!States.ContainsKey(state))
        {
            throw new ChargerPayloadException($"'state' is not a known session state: '{(state.Length > 30 ? state[..30] + "…" : state)}'");
        }

        var charged = PayloadJson.RequiredNumber(session, "charged_energy_wh");
        var total = PayloadJson.OptionalNumber(session, "latest_total_w");
        var fault = FirstFault(session);
        (State, ChargedWh, LatestTotalW, Fault) = (state, charged, total, fault);
    }

    private void Limits(JsonElement limits)
    {
        var current = PayloadJson.RequiredNumber(limits, "max_current");
        var phases = PayloadJson.OptionalNumber(limits, "nr_of_phases_available");
        if (phases is { } p && (p != Math.Floor(p) || p is < 0 or > 3))
        {
            throw new ChargerPayloadException(FormattableString.Invariant($"'nr_of_phases_available' must be 0–3, got {p}"));
        }

        (LimitCurrent, LimitPhases) = (current, (int?)phases);
    }

    private void Capabilities(JsonElement capabilities)
    {
        var max = PayloadJson.OptionalNumber(capabilities, "max_current_A_import")
            ?? PayloadJson.OptionalNumber(capabilities, "max_current_A")
            ?? throw new ChargerPayloadException("'max_current_A_import' is missing");
        var min = PayloadJson.OptionalNumber(capabilities, "min_current_A_import") ?? PayloadJson.OptionalNumber(capabilities, "min_current_A");
        var export = PayloadJson.OptionalNumber(capabilities, "max_current_A_export") ?? 0;
        (MaxImportCurrent, MinImportCurrent, MaxExportCurrent) = (max, min, export);
    }

    private void Powermeter(JsonElement meter)
    {
        var power = Child(meter, "power_W") is { } powers
            ? PayloadJson.RequiredNumber(powers, "total")
            : throw new ChargerPayloadException("'power_W' is missing");
        double[]? currents = null;
        if (Child(meter, "current_A") is { } amperes)
        {
            currents = [.. Lines.Select(l => PayloadJson.OptionalNumber(amperes, l) ?? 0)];
        }

        (MeterPower, MeterCurrents) = (power, currents);
    }
}
