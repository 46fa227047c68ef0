using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Telemetry.Schema;

/// <summary>Stable snake_case spellings of domain enums for tags and string fields (no per-cycle ToString allocations).</summary>
internal static class WireNames
{
    private static readonly string[] Statuses = ["disconnected", "connected", "charging", "complete", "error"];

    // Derived once from the enum, so a reason added later gets its snake_case name without an edit here.
    private static readonly string[] Reasons = [.. Enum.GetValues<DecisionReason>().Select(r => SnakeCase(r.ToString()))];

    private static readonly string[] Qualities = ["good", "estimated", "invalid"];

    public static string Of(ChargePointStatus status) => Lookup(Statuses, (int)status, status);

    public static string Of(DecisionReason reason) => Lookup(Reasons, (int)reason, reason);

    public static string Of(ReadingQuality quality) => Lookup(Qualities, (int)quality, quality);

    public static string Of(SetpointKind kind) => kind == SetpointKind.Power ? "power" : "current";

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    // A value added to an enum later still gets a name, just a slower one.
    private static string Lookup<T>(string[] names, int index, T value)
        where T : struct, Enum =>
        (uint)index < (uint)names.Length ? names[index] : value.ToString().ToLowerInvariant();
}
