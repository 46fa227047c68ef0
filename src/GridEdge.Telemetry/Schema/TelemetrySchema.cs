using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;

namespace GridEdge.Telemetry.Schema;

/// <summary>
/// Maps what the gateway knows in one control cycle to points of the GridEdge schema
/// (docs/telemetry.md). Every point carries the <c>site</c> tag. Device readings keep the time
/// they were measured, and a reading already recorded is not recorded again, so a stale device
/// does not fill the spool with copies; decisions and setpoints carry the cycle time.
/// </summary>
public sealed class TelemetrySchema
{
    private readonly string _siteId;
    private readonly Dictionary<string, string> _meterMeasurements = new(StringComparer.Ordinal);

    // Newest reading time already recorded per device; bounded by the number of devices in the site.
    private readonly Dictionary<string, DateTimeOffset> _lastRecorded = new(StringComparer.Ordinal);

    public TelemetrySchema(SiteDefinition site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _siteId = site.Id;
        foreach (var meter in site.Meters)
        {
            _meterMeasurements[meter.Id] = meter.Role switch
            {
                MeterRole.Grid => Measurements.Grid,
                MeterRole.Pv => Measurements.Pv,
                MeterRole.Battery => Measurements.Battery,
                _ => Measurements.Load,
            };
        }

        _meterMeasurements[site.Grid.MeterId] = Measurements.Grid;
    }

    /// <summary>Points for one control cycle: new device readings, the control figures, and per chargepoint its decision and setpoint.</summary>
    public IReadOnlyList<TelemetryPoint> Cycle(SiteSnapshot snapshot, ControlDecision decision)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(decision);

        var points = new List<TelemetryPoint>(4 + snapshot.Meters.Count + snapshot.ChargePoints.Count + (2 * decision.ChargePoints.Count));
        AddReadings(snapshot, points);

        points.Add(new TelemetryPoint(Measurements.Control, decision.Time)
            .Tag("site", _siteId)
            .Field("grid_power_w", decision.GridPower.Watts)
            .Field("base_load_w", decision.BaseLoad.Watts)
            .Field("surplus_w", decision.Surplus.Watts)
            .Field("failsafe", decision.FailSafe));

        foreach (var cp in decision.ChargePoints)
        {
            points.Add(Decision(cp, decision.Time, decision.FailSafe));
            points.Add(Setpoint(cp.Setpoint, decision.Time));
        }

        if (decision.Battery is { } battery)
        {
            points.Add(BatteryDecision(battery, decision.Time, decision.FailSafe));
        }

        return points;
    }

    /// <summary>Points for the device readings in <paramref name="snapshot"/> that were not recorded yet.</summary>
    public void AddReadings(SiteSnapshot snapshot, List<TelemetryPoint> points)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(points);
        foreach (var (id, reading) in snapshot.Meters)
        {
            if (IsNew("meter:" + id, reading.Timestamp))
            {
                points.Add(Meter(id, reading));
            }
        }

        foreach (var (id, reading) in snapshot.ChargePoints)
        {
            if (IsNew("cp:" + id, reading.Timestamp))
            {
                points.Add(ChargePoint(id, reading));
            }
        }

        if (snapshot.Battery is { } battery && IsNew("battery", battery.Timestamp))
        {
            points.Add(new TelemetryPoint(Measurements.Battery, battery.Timestamp)
                .Tag("site", _siteId)
                .Tag("battery", battery.Source)
                .Field("power_w", battery.Value.Power.Watts)
                .Field("soc", battery.Value.StateOfCharge)
                .Field("quality", WireNames.Of(battery.Quality)));
        }
    }

    public TelemetryPoint Meter(string meterId, Reading<MeterSample> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var sample = reading.Value;
        var point = new TelemetryPoint(_meterMeasurements.GetValueOrDefault(meterId, Measurements.Load), reading.Timestamp)
            .Tag("site", _siteId)
            .Tag("meter", meterId)
            .Field("power_w", sample.Power.Watts);
        for (var phase = 0; phase < sample.PhaseCurrents.Count && phase < PhaseCurrentKeys.Length; phase++)
        {
            point.Field(PhaseCurrentKeys[phase], sample.PhaseCurrents[phase].Amperes);
        }

        return point
            .Field("import_energy_wh", sample.ImportedEnergy?.WattHours)
            .Field("export_energy_wh", sample.ExportedEnergy?.WattHours)
            .Field("quality", WireNames.Of(reading.Quality));
    }

    public TelemetryPoint ChargePoint(string chargePointId, Reading<ChargePointSample> reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var sample = reading.Value;
        var point = new TelemetryPoint(Measurements.ChargePoint, reading.Timestamp)
            .Tag("site", _siteId)
            .Tag("chargepoint", chargePointId)
            .Field("power_w", sample.Power.Watts)
            .Field("current_a", sample.ChargeCurrent.Amperes)
            .Field("phases", (long)sample.ActivePhases)
            .Field("status", WireNames.Of(sample.Status))
            .Field("plugged_in", sample.IsPluggedIn)
            .Field("session_energy_wh", sample.SessionEnergy.WattHours)
            .Field("soc", sample.Vehicle?.StateOfCharge)
            .Field("quality", WireNames.Of(reading.Quality));
        if (sample.Vehicle?.VehicleId is { Length: > 0 } vehicle)
        {
            point.Field("vehicle", vehicle);
        }

        return point;
    }

    public TelemetryPoint Decision(ChargePointDecision decision, DateTimeOffset time, bool failSafe)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new TelemetryPoint(Measurements.Decision, time)
            .Tag("site", _siteId)
            .Tag("chargepoint", decision.ChargePointId)
            .Tag("reason", WireNames.Of(decision.Reason))
            .Field("detail", decision.Detail)
            .Field("current_a", decision.Setpoint.Current.Amperes)
            .Field("failsafe", failSafe);
    }

    /// <summary>The battery's command as a <c>decision</c> point tagged <c>battery</c> (+ charging).</summary>
    public TelemetryPoint BatteryDecision(BatteryDecision decision, DateTimeOffset time, bool failSafe)
    {
        ArgumentNullException.ThrowIfNull(decision);
        return new TelemetryPoint(Measurements.Decision, time)
            .Tag("site", _siteId)
            .Tag("battery", decision.BatteryId)
            .Tag("reason", WireNames.Of(decision.Reason))
            .Field("detail", decision.Detail)
            .Field("power_w", decision.Setpoint.Watts)
            .Field("failsafe", failSafe);
    }

    public TelemetryPoint Setpoint(Setpoint setpoint, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        return new TelemetryPoint(Measurements.Setpoint, time)
            .Tag("site", _siteId)
            .Tag("chargepoint", setpoint.ChargePointId)
            .Tag("kind", WireNames.Of(setpoint.Kind))
            .Field("current_a", setpoint.Current.Amperes)
            .Field("phases", (long)setpoint.Phases)
            .Field("power_w", setpoint.Power.Watts)
            .Field("expires_s", (setpoint.ExpiresAt - setpoint.IssuedAt).TotalSeconds);
    }

    public TelemetryPoint DeviceHealth(DeviceHealthSample sample, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new TelemetryPoint(Measurements.DeviceHealth, time)
            .Tag("site", _siteId)
            .Tag("device", sample.DeviceId)
            .Tag("protocol", sample.Protocol)
            .Field("reads", sample.Reads)
            .Field("errors", sample.Errors)
            .Field("online", sample.Online);
    }

    /// <summary>
    /// Points for one plan slot made at <paramref name="plannedAt"/>: one for the site (grid import
    /// and export, battery) and one per vehicle (tag <c>vehicle</c>), in watts, at the slot start —
    /// a later plan for the same slot overwrites them, so the database keeps the last plan per slot.
    /// </summary>
    public IReadOnlyList<TelemetryPoint> PlanSlot(PlanSlotSample slot, DateTimeOffset plannedAt)
    {
        ArgumentNullException.ThrowIfNull(slot);
        ArgumentNullException.ThrowIfNull(slot.VehicleKw);
        var leadSeconds = (slot.SlotStart - plannedAt).TotalSeconds;
        var points = new List<TelemetryPoint>(1 + slot.VehicleKw.Count)
        {
            new TelemetryPoint(Measurements.Plan, slot.SlotStart)
                .Tag("site", _siteId)
                .Field("grid_import_w", slot.GridImportKw * 1000)
                .Field("grid_export_w", slot.GridExportKw * 1000)
                .Field("battery_w", slot.BatteryKw * 1000)
                .Field("lead_s", leadSeconds),
        };
        foreach (var (vehicle, kw) in slot.VehicleKw.OrderBy(v => v.Key, StringComparer.Ordinal))
        {
            points.Add(new TelemetryPoint(Measurements.Plan, slot.SlotStart)
                .Tag("site", _siteId)
                .Tag("vehicle", vehicle)
                .Field("power_w", kw * 1000)
                .Field("lead_s", leadSeconds));
        }

        return points;
    }

    private static readonly string[] PhaseCurrentKeys = ["current_l1_a", "current_l2_a", "current_l3_a"];

    private bool IsNew(string key, DateTimeOffset timestamp)
    {
        if (_lastRecorded.TryGetValue(key, out var last) && timestamp <= last)
        {
            return false;
        }

        _lastRecorded[key] = timestamp;
        return true;
    }
}
