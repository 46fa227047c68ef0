namespace GridEdge.Devices.Profiles;

/// <summary>A device's register map as data (firmware-config/devices/NAME.yaml).</summary>
public sealed record DeviceProfile
{
    public const string DefaultGroup = "fast";

    /// <summary>The file name without extension, e.g. eastron-sdm630.</summary>
    public required string Name { get; init; }

    public required string Manufacturer { get; init; }

    public required string Model { get; init; }

    public required DeviceKind Kind { get; init; }

    public Discovery Discovery { get; init; } = Discovery.Fixed;

    /// <summary>Treat SunSpec "not implemented" values (0x8000, 0xFFFF, 0x80000000, acc 0, NaN) as missing.</summary>
    public bool SunSpecSentinels { get; init; }

    /// <summary>Registers a coalesced read may skip to save a request.</summary>
    public int MaxGap { get; init; } = 16;

    /// <summary>Poll group → interval; groups not listed are read on every poll.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Groups { get; init; } = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);

    public IdentifyRule? Identify { get; init; }

    public required IReadOnlyList<ProfilePoint> Points { get; init; }

    /// <summary>The point feeding <paramref name="quantity"/>, or null.</summary>
    public ProfilePoint? Point(string quantity) => Points.FirstOrDefault(p => p.Quantity == quantity);
}
