using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Simulation.Tests;

/// <summary>Site definitions and simulation settings built in code, each test stating what matters to it.</summary>
internal static class SimSites
{
    public static SimulatedHouseSettings QuietHouse { get; } = new()
    {
        BaseLoad = new(300),
        PeakLoad = Power.Zero,
        SpikeLoad = Power.Zero,
        SpikesPerHour = 0,
    };

    public static ChargePointDefinition ChargePoint(
        string id,
        int phases = 3,
        int gridPhase = 1,
        bool phaseSwitching = false,
        double minAmperes = 6,
        double maxAmperes = 16,
        string protocol = "simulated") => new()
        {
            Id = id,
            Protocol = protocol,
            Phases = phases,
            GridPhase = gridPhase,
            PhaseSwitching = phaseSwitching,
            Voltage = Voltage.Europe,
            MinCurrent = new(minAmperes),
            MaxCurrent = new(maxAmperes),
            Mode = ChargeMode.Now,
        };

    /// <summary>A 230 V site with simulated grid, PV, house and battery meters and the given chargepoints.</summary>
    public static SiteDefinition Site(
        IReadOnlyList<ChargePointDefinition>? chargePoints = null,
        int gridPhases = 3,
        TimeZoneInfo? timeZone = null,
        IReadOnlyList<MeterDefinition>? extraMeters = null) => new()
        {
            Id = "sim",
            Name = "Simulated home",
            TimeZone = timeZone ?? TimeZoneInfo.Utc,
            Currency = "EUR",
            Grid = new GridConnection
            {
                Phases = gridPhases,
                Voltage = Voltage.Europe,
                MaxCurrentPerPhase = new(25),
                MeterId = "grid",
            },
            Meters =
            [
                Meter("grid", MeterRole.Grid),
                Meter("pv", MeterRole.Pv),
                Meter("house", MeterRole.Load),
                Meter("battery", MeterRole.Battery),
                .. extraMeters ?? [],
            ],
            ChargePoints = chargePoints ?? [],
            Pv = new PvDefinition { PeakPower = new(8000), MeterId = "pv" },
            Control = new ControlSettings(),
        };

    public static MeterDefinition Meter(string id, MeterRole role, DeviceConnection? connection = null) => new()
    {
        Id = id,
        Role = role,
        PollInterval = TimeSpan.FromSeconds(1),
        Connection = connection ?? new SimulatedConnection(),
    };

    public static SimulationSettings Settings(
        int seed = 1,
        double cloudiness = 0,
        double peakWatts = 8000,
        SimulatedHouseSettings? house = null,
        IReadOnlyList<SimulatedVehicleSettings>? vehicles = null,
        TimeOnly? startTime = null) => new()
        {
            Seed = seed,
            StartTime = startTime,
            Pv = new SimulatedPvSettings
            {
                Peak = new(peakWatts),
                Sunrise = new(6, 0),
                Sunset = new(18, 0),
                Cloudiness = cloudiness,
            },
            House = house ?? QuietHouse,
            Vehicles = vehicles ?? [],
        };

    public static SimulatedVehicleSettings Car(
        string chargePointId,
        TimeOnly arrive,
        TimeOnly depart,
        double stateOfCharge = 0.2,
        double capacityKwh = 60,
        double? targetKwh = null,
        double maxAmperes = 16,
        int phases = 3) => new()
        {
            ChargePointId = chargePointId,
            Name = "car-" + chargePointId,
            Arrive = arrive,
            Depart = depart,
            Capacity = Energy.FromKilowattHours(capacityKwh),
            ArrivalStateOfCharge = stateOfCharge,
            TargetEnergy = targetKwh is { } t ? Energy.FromKilowattHours(t) : null,
            MaxCurrent = new(maxAmperes),
            Phases = phases,
        };
}
