using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the <c>chargers:</c> list (chargepoints), checked against the grid and the brokers.</summary>
internal static class ChargerSectionReader
{
    public const string DefaultPrefix = "gridedge/charger";

    /// <summary>IEC 61851 lowest charging current.</summary>
    public const double MinimumCurrent = 6;

    /// <summary>Highest current of a (Mode 3) chargepoint.</summary>
    public const double ChargepointLimit = 32;

    private static readonly Bounds MinCurrentBounds =
        new(MinimumCurrent, ChargepointLimit, MinLabel: "the IEC 61851 minimum", MaxLabel: "the chargepoint limit");

    private static readonly Bounds MaxCurrentBounds =
        new(0, ChargepointLimit, MinExclusive: true, MaxLabel: "the chargepoint limit");

    private static readonly Bounds CurrentStepBounds = new(0, 1, MinExclusive: true);

    public static IReadOnlyList<ChargePointDefinition> Read(ConfigMap root, SiteFileContext context)
    {
        var chargers = new List<ChargePointDefinition>();
        foreach (var item in root.OptionalList("chargers") ?? [])
        {
            if (item.AsMap() is { } charger && ReadCharger(charger, context) is { } definition)
            {
                chargers.Add(definition);
            }
        }

        return chargers;
    }

    private static ChargePointDefinition? ReadCharger(ConfigMap charger, SiteFileContext context)
    {
        var idNode = charger.Required("id");
        var id = idNode?.AsString(SitePatterns.DeviceId(), SitePatterns.DeviceIdHint);
        var protocolNode = charger.Required("protocol");
        var protocol = protocolNode?.AsKeyword(SiteKeywords.Protocols);
        var simulated = protocol == SiteKeywords.SimulatedProtocol;
        var played = ReadPlayedBySimulation(charger, protocol, context);
        if (id is not null)
        {
            // Vehicles may plug into any charger whose hardware the simulation plays.
            context.Chargers.Add(id, idNode!, played ? SiteKeywords.SimulatedProtocol : protocol);
        }

        if (simulated)
        {
            context.RequireSimulation(protocolNode!, "protocol 'simulated' needs a 'simulation' section");
        }

        var broker = ReadBroker(charger, context, required: protocol is not null && !simulated);
        var deviceId = protocol is not null && !simulated ? charger.RequiredString("device_id") : charger.OptionalString("device_id");
        var prefix = ReadPrefix(charger, protocol);
        var phases = ReadPhases(charger, context);
        var phaseSwitching = ReadPhaseSwitching(charger, phases);
        var gridPhase = ReadGridPhase(charger, context, phases);
        var voltage = charger.OptionalNumber("voltage_v", GridSectionReader.VoltageBounds) ?? context.GridVoltage;
        var (minCurrent, maxCurrent) = ReadCurrents(charger);
        var currentStep = charger.OptionalNumber("current_step_a", CurrentStepBounds) ?? 0.1;
        var bidirectional = charger.OptionalBool("bidirectional") ?? false;
        var maxDischarge = ReadMaxDischarge(charger, bidirectional);
        var mode = ReadMode(charger);
        if (mode == ChargeMode.V2h && !bidirectional)
        {
            charger.Optional("mode")!.Error("mode v2h needs bidirectional: true and max_discharge_w");
            mode = null;
        }

        var v2hMinSoc = charger.OptionalNumber("v2h_min_soc", Bounds.Between(0, 1)) ?? 0.3;
        var v2hExport = charger.OptionalBool("v2h_export") ?? false;
        var priority = charger.OptionalInt("priority", Bounds.Between(0, 100)) ?? 0;

        if (id is null || protocol is null || phases is null || voltage is null || maxCurrent is null || mode is null)
        {
            return null;
        }

        return new ChargePointDefinition
        {
            Id = id,
            Protocol = protocol,
            Simulated = played && !simulated,
            Broker = broker,
            DeviceId = deviceId,
            Prefix = prefix,
            Phases = phases.Value,
            GridPhase = gridPhase,
            PhaseSwitching = phaseSwitching,
            Voltage = new Voltage(voltage.Value),
            MinCurrent = new Current(minCurrent),
            MaxCurrent = new Current(maxCurrent.Value),
            CurrentStep = new Current(currentStep),
            Bidirectional = bidirectional,
            MaxDischarge = new Power(maxDischarge),
            V2hMinStateOfCharge = v2hMinSoc,
            V2hExport = v2hExport,
            Mode = mode.Value,
            Priority = priority,
        };
    }

    /// <summary>
    /// <c>simulated: true</c>: the simulation plays this MQTT charger's hardware (generic or go-e),
    /// so the gateway drives it over the real protocol.
    /// </summary>
    private static bool ReadPlayedBySimulation(ConfigMap charger, string? protocol, SiteFileContext context)
    {
        var node = charger.Optional("simulated");
        if (node is null || node.AsBool() is not true)
        {
            return protocol == SiteKeywords.SimulatedProtocol;
        }

        if (protocol is not null && protocol != SiteKeywords.GenericProtocol && protocol != "go-e")
        {
            node.Error($"the simulation plays generic and go-e chargers, not {protocol}");
            return false;
        }

        context.RequireSimulation(node, "simulated: true needs a 'simulation' section");
        return true;
    }

    private static string? ReadBroker(ConfigMap charger, SiteFileContext context, bool required)
    {
        var node = required ? charger.Required("broker") : charger.Optional("broker");
        return node is not null && context.Brokers.TryResolve(node, out var id, out _) ? id : null;
    }

    private static string? ReadPrefix(ConfigMap charger, string? protocol)
    {
        var node = charger.Optional("prefix");
        if (node is not null && protocol is not null && protocol != SiteKeywords.GenericProtocol)
        {
            node.Error($"prefix is only used with protocol generic, not {protocol}");
            return null;
        }

        var prefix = node?.AsString();
        return prefix ?? (protocol == SiteKeywords.GenericProtocol ? DefaultPrefix : null);
    }

    private static int? ReadPhases(ConfigMap charger, SiteFileContext context)
    {
        var node = charger.Required("phases");
        var phases = node?.AsChoice(SiteKeywords.PhaseCounts);
        if (phases == 3 && context.GridPhases == 1)
        {
            node!.Error("a 3-phase charger cannot be connected to a 1-phase grid (grid.phases is 1)");
        }

        return phases;
    }

    private static bool ReadPhaseSwitching(ConfigMap charger, int? phases)
    {
        var node = charger.Optional("phase_switching");
        var switching = node?.AsBool() ?? false;
        if (switching && phases is not null and not 3)
        {
            node!.Error("phase_switching needs phases: 3");
        }

        return switching;
    }

    private static int ReadGridPhase(ConfigMap charger, SiteFileContext context, int? phases)
    {
        var node = charger.Optional("grid_phase");
        if (node is null)
        {
            return 1;
        }

        var gridPhase = node.AsInt(Bounds.Between(1, 3));
        if (gridPhase is not null && (phases is not null and not 1 || context.GridPhases is not null and not 3))
        {
            node.Error("grid_phase is only meaningful for a 1-phase charger on a 3-phase grid");
        }

        return gridPhase ?? 1;
    }

    private static (double Min, double? Max) ReadCurrents(ConfigMap charger)
    {
        var min = charger.OptionalNumber("min_current_a", MinCurrentBounds) ?? MinimumCurrent;
        var maxNode = charger.Required("max_current_a");
        var max = maxNode?.AsNumber(MaxCurrentBounds);
        if (max < min)
        {
            maxNode!.Error($"{maxNode.ScalarText?.Trim()} is below min_current_a {Bounds.Format(min)}");
            max = null;
        }

        return (min, max);
    }

    private static double ReadMaxDischarge(ConfigMap charger, bool bidirectional)
    {
        var node = charger.Optional("max_discharge_w");
        var maxDischarge = node?.AsNumber(Bounds.NonNegative) ?? 0;
        if (maxDischarge > 0 && !bidirectional)
        {
            node!.Error("max_discharge_w above 0 needs bidirectional: true");
        }

        return maxDischarge;
    }

    private static ChargeMode? ReadMode(ConfigMap charger)
    {
        var node = charger.Optional("mode");
        if (node is null)
        {
            return ChargeMode.Off;
        }

        return node.AsKeyword(SiteKeywords.ChargeModes);
    }
}
