namespace GridEdge.Host.Configuration;

/// <summary>
/// The keys a site file may contain, per object path (<c>""</c> is the top level, <c>chargers[]</c>
/// an item of the chargers list). The loader accepts exactly these keys and no others, and a test
/// checks that <c>firmware-config/schema/site.schema.json</c> declares the same, so the two cannot drift.
/// </summary>
public static class SiteFileKeys
{
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> AllowedKeys { get; } =
        new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            [""] = ["site", "grid", "meters", "mqtt", "chargers", "pv", "battery", "tariff", "planning", "control", "api", "telemetry", "simulation"],
            ["tariff"] = ["import_price_per_kwh", "export_price_per_kwh", "time_of_use", "demand_charge_per_kw", "billed_peak_w"],
            ["tariff.time_of_use[]"] = ["from", "to", "import_price_per_kwh"],
            ["planning"] = ["slot", "horizon", "latitude", "longitude", "store", "keep", "prices", "forecast", "co2_price_per_kg"],
            ["planning.prices"] =
            [
                "source", "path", "url", "refresh", "timeout", "credentials_file", "topic", "broker",
                "format", "column", "import_factor", "import_markup_per_kwh", "export",
            ],
            ["planning.forecast"] = ["source", "path", "url", "refresh", "timeout", "credentials_file", "topic", "broker"],
            ["site"] = ["id", "name", "timezone", "currency"],
            ["grid"] = ["phases", "voltage_v", "max_current_a", "import_limit_w", "export_limit_w", "meter"],
            ["meters[]"] = ["id", "role", "interval", "modbus", "simulated"],
            ["meters[].modbus"] = ["endpoint", "unit", "profile"],
            ["mqtt"] = ["brokers"],
            ["mqtt.brokers[]"] = ["id", "url", "embedded", "port", "client_id", "credentials_file", "ca_file", "cert_file", "key_file", "protocol_version"],
            ["chargers[]"] =
            [
                "id", "protocol", "broker", "device_id", "prefix", "phases", "grid_phase", "phase_switching",
                "voltage_v", "min_current_a", "max_current_a", "current_step_a", "bidirectional",
                "max_discharge_w", "mode", "priority", "simulated", "v2h_min_soc", "v2h_export",
            ],
            ["pv"] = ["peak_w", "meter"],
            ["battery"] =
            [
                "id", "capacity_wh", "max_charge_w", "max_discharge_w", "min_soc", "max_soc", "meter", "charge_efficiency",
                "discharge_efficiency", "cycle_cost_per_kwh", "modbus", "simulated",
            ],
            ["battery.modbus"] = ["endpoint", "unit", "profile"],
            ["control"] =
            [
                "interval", "reserve_w", "failsafe", "enable_delay", "disable_delay", "enable_threshold_w",
                "disable_threshold_w", "deadband_a", "grid_margin_a", "ramp_up_a_per_s", "phase_switch_delay",
                "phase_switch_pause", "setpoint_ttl",
            ],
            ["control.failsafe"] = ["stale_after", "action", "charger_stale_after"],
            ["api"] = ["url"],
            ["telemetry"] = ["influx", "spool"],
            ["telemetry.influx"] = ["url", "version", "database", "retention_policy", "org", "bucket"],
            ["telemetry.spool"] = ["path", "max_bytes"],
            ["simulation"] = ["start_time", "seed", "pv", "house", "vehicles", "battery_soc"],
            ["simulation.pv"] = ["peak_w", "sunrise", "sunset", "cloudiness"],
            ["simulation.house"] = ["base_load_w", "peak_load_w", "spike_load_w", "spikes_per_hour"],
            ["simulation.vehicles[]"] =
            [
                "charger", "name", "arrive", "depart", "capacity_wh", "soc", "target_wh", "max_current_a", "phases",
            ],
        };

    private static readonly string[] SecretKeys = ["username", "password", "token"];

    /// <summary>
    /// The error for a secret written into the site file at <paramref name="schemaPath"/>, or null when
    /// <paramref name="key"/> is not a secret there.
    /// </summary>
    public static string? SecretMessage(string schemaPath, string key)
    {
        if (!SecretKeys.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        if (schemaPath == "mqtt" || schemaPath.StartsWith("mqtt.", StringComparison.Ordinal))
        {
            return "secrets do not belong in the site file; set GRIDEDGE_MQTT_USERNAME/GRIDEDGE_MQTT_PASSWORD or use credentials_file";
        }

        if (schemaPath is "planning.prices" or "planning.forecast")
        {
            return $"secrets do not belong in the site file; set {Planning.ScheduleCredentials.TokenVariable(schemaPath)} or use credentials_file";
        }

        if (schemaPath == "telemetry.influx" || schemaPath.StartsWith("telemetry.influx.", StringComparison.Ordinal))
        {
            return "secrets do not belong in the site file; set GRIDEDGE_INFLUX_TOKEN / GRIDEDGE_INFLUX_USERNAME / GRIDEDGE_INFLUX_PASSWORD";
        }

        return null;
    }
}
