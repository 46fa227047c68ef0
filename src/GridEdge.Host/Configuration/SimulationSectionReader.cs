using System.Globalization;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Simulation.Settings;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>simulation:</c> section into <see cref="SimulationSettings"/>.</summary>
internal static class SimulationSectionReader
{
    public static SimulationSettings? Read(ConfigMap root, SiteFileContext context, PvDefinition? sitePv)
    {
        if (root.OptionalMap("simulation") is not { } simulation)
        {
            return null;
        }

        var defaults = new SimulatedHouseSettings();
        var startTime = simulation.OptionalTimeOfDay("start_time");
        var seed = simulation.OptionalInt("seed", Bounds.Any) ?? 1;
        var pv = simulation.OptionalMap("pv") is { } pvMap
            ? ReadPv(pvMap)
            : new SimulatedPvSettings { Peak = sitePv?.PeakPower ?? Power.Zero };
        var house = simulation.OptionalMap("house") is { } houseMap ? ReadHouse(houseMap, defaults) : defaults;
        var vehicles = ReadVehicles(simulation, context);
        var batterySoc = simulation.OptionalNumber("battery_soc", Bounds.Fraction) ?? 0.5;
        return pv is null ? null : new SimulationSettings
        {
            BatteryStateOfCharge = batterySoc,
            StartTime = startTime,
            Seed = seed,
            Pv = pv,
            House = house,
            Vehicles = vehicles,
        };
    }

    private static SimulatedPvSettings? ReadPv(ConfigMap pv)
    {
        var defaults = new SimulatedPvSettings { Peak = Power.Zero };
        var peak = pv.RequiredNumber("peak_w", Bounds.Positive);
        var sunrise = pv.OptionalTimeOfDay("sunrise") ?? defaults.Sunrise;
        var sunset = pv.OptionalTimeOfDay("sunset") ?? defaults.Sunset;
        if (sunset <= sunrise)
        {
            var at = pv.Optional("sunset") ?? pv.Optional("sunrise")!;
            at.Error(string.Create(CultureInfo.InvariantCulture, $"sunset {sunset:HH:mm} is not after sunrise {sunrise:HH:mm}"));
        }

        var cloudiness = pv.OptionalNumber("cloudiness", Bounds.Fraction) ?? defaults.Cloudiness;
        return peak is null ? null : new SimulatedPvSettings
        {
            Peak = new Power(peak.Value),
            Sunrise = sunrise,
            Sunset = sunset,
            Cloudiness = cloudiness,
        };
    }

    private static SimulatedHouseSettings ReadHouse(ConfigMap house, SimulatedHouseSettings defaults) => new()
    {
        BaseLoad = Watts(house.OptionalNumber("base_load_w", Bounds.NonNegative)) ?? defaults.BaseLoad,
        PeakLoad = Watts(house.OptionalNumber("peak_load_w", Bounds.NonNegative)) ?? defaults.PeakLoad,
        SpikeLoad = Watts(house.OptionalNumber("spike_load_w", Bounds.NonNegative)) ?? defaults.SpikeLoad,
        SpikesPerHour = house.OptionalNumber("spikes_per_hour", Bounds.NonNegative) ?? defaults.SpikesPerHour,
    };

    private static List<SimulatedVehicleSettings> ReadVehicles(ConfigMap simulation, SiteFileContext context)
    {
        var vehicles = new List<SimulatedVehicleSettings>();
        var chargersWithVehicle = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var item in simulation.OptionalList("vehicles") ?? [])
        {
            if (item.AsMap() is { } vehicle && ReadVehicle(vehicle, context, chargersWithVehicle) is { } settings)
            {
                vehicles.Add(settings);
            }
        }

        return vehicles;
    }

    private static SimulatedVehicleSettings? ReadVehicle(ConfigMap vehicle, SiteFileContext context, Dictionary<string, long> chargersWithVehicle)
    {
        var charger = ReadCharger(vehicle, context, chargersWithVehicle);
        var name = vehicle.OptionalString("name");
        var arrive = vehicle.RequiredTimeOfDay("arrive");
        var depart = vehicle.RequiredTimeOfDay("depart");
        var capacity = vehicle.RequiredNumber("capacity_wh", Bounds.Positive);
        var soc = vehicle.RequiredNumber("soc", Bounds.Fraction);
        var target = vehicle.OptionalNumber("target_wh", Bounds.Positive);
        var maxCurrent = vehicle.OptionalNumber("max_current_a", Bounds.Positive);
        var phases = vehicle.OptionalChoice("phases", SiteKeywords.PhaseCounts);
        if (charger is null || arrive is null || depart is null || capacity is null || soc is null)
        {
            return null;
        }

        var defaults = new SimulatedVehicleSettings
        {
            ChargePointId = charger,
            Name = name,
            Arrive = arrive.Value,
            Depart = depart.Value,
            Capacity = new Energy(capacity.Value),
            ArrivalStateOfCharge = soc.Value,
            TargetEnergy = target is { } wh ? new Energy(wh) : null,
        };
        return defaults with
        {
            MaxCurrent = maxCurrent is { } a ? new Current(a) : defaults.MaxCurrent,
            Phases = phases ?? defaults.Phases,
        };
    }

    /// <summary>The vehicle's charger: a simulated charger that has no other vehicle.</summary>
    private static string? ReadCharger(ConfigMap vehicle, SiteFileContext context, Dictionary<string, long> chargersWithVehicle)
    {
        var node = vehicle.Required("charger");
        if (node is null || !context.Chargers.TryResolve(node, out var id, out var protocol))
        {
            return null;
        }

        if (protocol is not null && protocol != SiteKeywords.SimulatedProtocol)
        {
            node.Error($"charger '{id}' has protocol {protocol}; a simulated vehicle needs a charger with protocol simulated or simulated: true");
            return null;
        }

        if (chargersWithVehicle.TryGetValue(id, out var line))
        {
            node.Error(string.Create(CultureInfo.InvariantCulture, $"charger '{id}' already has a vehicle (first defined at line {line})"));
            return null;
        }

        chargersWithVehicle.Add(id, node.Line);
        return id;
    }

    private static Power? Watts(double? value) => value is { } w ? new Power(w) : null;
}
