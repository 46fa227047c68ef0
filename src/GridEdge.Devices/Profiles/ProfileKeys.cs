namespace GridEdge.Devices.Profiles;

/// <summary>The keys a profile file may use at each place; device-profile.schema.json declares the same.</summary>
public static class ProfileKeys
{
    public static readonly IReadOnlyList<string> Top =
        ["manufacturer", "model", "kind", "extends", "discovery", "sunspec_sentinels", "max_gap", "groups", "defaults", "identify", "points"];

    public static readonly IReadOnlyList<string> Defaults = ["function", "type", "order", "unit", "sign", "group"];

    public static readonly IReadOnlyList<string> Identify = ["function", "register", "type", "order", "min", "max"];

    public static readonly IReadOnlyList<string> Point =
        ["quantity", "register", "models", "offset", "function", "type", "order", "scale", "scale_register", "scale_offset", "sign", "unit", "group", "writable"];

    /// <summary>Object path (as the schema test walks it) → allowed keys.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ByPath { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
    {
        [""] = Top,
        ["defaults"] = Defaults,
        ["identify"] = Identify,
        ["points[]"] = Point,
    };
}
