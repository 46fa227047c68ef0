using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Testing;

/// <summary>Site definitions for tests, built in code so each test states what matters to it.</summary>
public static class TestSites
{
    public static ChargePointDefinition ChargePoint(
        string id,
        ChargeMode mode,
        int phases = 3,
        double minAmperes = 6,
        double maxAmperes = 16,
        int priority = 0,
        bool phaseSwitching = false,
        int gridPhase = 1,
        double volts = 230) => new()
        {
            Id = id,
            Protocol = "simulated",
            Phases = phases,
            GridPhase = gridPhase,
            PhaseSwitching = phaseSwitching,
            Voltage = new(volts),
            MinCurrent = new(minAmperes),
            MaxCurrent = new(maxAmperes),
            Mode = mode,
            Priority = priority,
        };

    /// <summary>Control without waiting: no start delay, any ramp within a cycle, no reserve or margin — one cycle shows the decision.</summary>
    public static ControlSettings ImmediateControl { get; } = new()
    {
        EnableDelay = TimeSpan.Zero,
        RampUpPerSecond = new(100),
        Reserve = Power.Zero,
        GridMargin = Current.Zero,
    };

    /// <summary>A three-phase 230 V site with a simulated grid and PV meter and the given chargepoints.</summary>
    public static SiteDefinition Site(
        IEnumerable<ChargePointDefinition> chargePoints,
        double fuseAmperes = 25,
        double? importLimitWatts = null,
        int phases = 3,
        double volts = 230,
        ControlSettings? control = null) => new()
        {
            Id = "test",
            Name = "Test site",
            TimeZone = TimeZoneInfo.Utc,
            Currency = "EUR",
            Grid = new GridConnection
            {
                Phases = phases,
                Voltage = new(volts),
                MaxCurrentPerPhase = new(fuseAmperes),
                ImportLimit = importLimitWatts is { } w ? new Power(w) : null,
                MeterId = "grid",
            },
            Meters =
            [
                new MeterDefinition { Id = "grid", Role = MeterRole.Grid, PollInterval = TimeSpan.FromSeconds(1), Connection = new SimulatedConnection() },
                new MeterDefinition { Id = "pv", Role = MeterRole.Pv, PollInterval = TimeSpan.FromSeconds(1), Connection = new SimulatedConnection() },
            ],
            ChargePoints = [.. chargePoints],
            Pv = new PvDefinition { PeakPower = new(10_000), MeterId = "pv" },
            Control = control ?? new ControlSettings(),
        };
}
