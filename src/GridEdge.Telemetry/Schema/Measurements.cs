namespace GridEdge.Telemetry.Schema;

/// <summary>Measurement names of the GridEdge schema (docs/telemetry.md). Renaming one breaks dashboards.</summary>
public static class Measurements
{
    public const string Grid = "grid";
    public const string Pv = "pv";
    public const string Battery = "battery";
    public const string Load = "load";
    public const string ChargePoint = "chargepoint";
    public const string Setpoint = "setpoint";
    public const string Decision = "decision";
    public const string Control = "control";
    public const string DeviceHealth = "device_health";
    public const string Plan = "plan";
}
