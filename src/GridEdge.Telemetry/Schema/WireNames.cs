using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Telemetry.Schema;

/// <summary>Stable snake_case spellings of domain enums for tags and string fields (no per-cycle ToString allocations).</summary>
internal static class WireNames
{
    private static readonly string[] Statuses = ["disconnected", "connected", "charging", "complete", "error"];

    private static readonly string[] Reasons =
    [
        "mode_off", "not_plugged_in", "vehicle_full", "charger_fault", "charger_stale", "fail_safe", "max_current",
        "surplus", "minimum_current", "waiting_for_surplus", "stop_delay", "stopped_no_surplus", "grid_limit",
        "grid_limit_stopped", "ramp_up", "deadband", "phase_switch_pause", "v2h_discharge", "v2h_reserve",
    ];

    private static readonly string[] Qualities = ["good", "estimated", "invalid"];

    public static string Of(ChargePointStatus status) => Lookup(Statuses, (int)status, status);

    public static string Of(DecisionReason reason) => Lookup(Reasons, (int)reason, reason);

    public static string Of(ReadingQuality quality) => Lookup(Qualities, (int)quality, quality);

    public static string Of(SetpointKind kind) => kind == SetpointKind.Power ? "power" : "current";

    // A value added to an enum later still gets a name, just a slower one.
    private static string Lookup<T>(string[] names, int index, T value)
        where T : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : value.ToString().ToLowerInvariant();
}
