namespace GridEdge.Devices.Profiles;

/// <summary>
/// The quantities a profile may feed, named with their SI unit, and the device units that convert
/// to each. The meter driver maps them onto <c>MeterSample</c>, the battery driver reads
/// <see cref="StateOfCharge"/> and <see cref="Power"/> and writes <see cref="PowerSetpoint"/>;
/// the others show in `modbus read`.
/// </summary>
public static class Quantities
{
    public const string Power = "power_w";
    public const string EnergyImport = "energy_import_wh";
    public const string EnergyExport = "energy_export_wh";
    public const string StateOfCharge = "soc_percent";

    /// <summary>A commanded power (a battery's: + charge, − discharge); only meaningful where the profile marks it writable.</summary>
    public const string PowerSetpoint = "power_setpoint_w";

    public static readonly IReadOnlyList<string> PhasePowers = ["power_l1_w", "power_l2_w", "power_l3_w"];
    public static readonly IReadOnlyList<string> PhaseCurrents = ["current_l1_a", "current_l2_a", "current_l3_a"];
    public static readonly IReadOnlyList<string> PhaseVoltages = ["voltage_l1_v", "voltage_l2_v", "voltage_l3_v"];

    /// <summary>Every known quantity.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Power, .. PhasePowers, .. PhaseCurrents, .. PhaseVoltages, "current_a", "frequency_hz",
        EnergyImport, EnergyExport, "energy_total_wh", "power_factor", "dc_power_w", "temperature_c",
        StateOfCharge, "power_limit_percent", "max_charge_power_w", "max_discharge_power_w", PowerSetpoint,
    ];

    private static readonly Dictionary<string, Dictionary<string, double>> UnitsBySuffix = new(StringComparer.Ordinal)
    {
        ["_w"] = new(StringComparer.Ordinal) { ["W"] = 1, ["kW"] = 1000 },
        ["_wh"] = new(StringComparer.Ordinal) { ["Wh"] = 1, ["kWh"] = 1000, ["MWh"] = 1_000_000 },
        ["_a"] = new(StringComparer.Ordinal) { ["A"] = 1, ["mA"] = 0.001 },
        ["_v"] = new(StringComparer.Ordinal) { ["V"] = 1, ["kV"] = 1000 },
        ["_hz"] = new(StringComparer.Ordinal) { ["Hz"] = 1 },
        ["_percent"] = new(StringComparer.Ordinal) { ["%"] = 1 },
        ["_c"] = new(StringComparer.Ordinal) { ["C"] = 1 },
        ["power_factor"] = new(StringComparer.Ordinal) { ["1"] = 1, ["%"] = 0.01 },
    };

    /// <summary>Units a device may report <paramref name="quantity"/> in.</summary>
    public static IReadOnlyCollection<string> UnitsFor(string quantity) => Table(quantity).Keys;

    /// <summary>Factor from <paramref name="unit"/> to the SI unit of <paramref name="quantity"/>, or null when they do not fit.</summary>
    public static double? Factor(string quantity, string unit) => Table(quantity).TryGetValue(unit, out var factor) ? factor : null;

    /// <summary>Quantities whose sign carries the power flow direction.</summary>
    public static bool IsSigned(string quantity) => quantity.StartsWith("power_", StringComparison.Ordinal) && quantity != "power_factor" && quantity != "power_limit_percent"
        || quantity.StartsWith("current_", StringComparison.Ordinal);

    private static Dictionary<string, double> Table(string quantity) =>
        UnitsBySuffix.TryGetValue(quantity, out var exact) ? exact
        : UnitsBySuffix.FirstOrDefault(p => p.Key.StartsWith('_') && quantity.EndsWith(p.Key, StringComparison.Ordinal)).Value ?? [];
}
