using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the <c>meters:</c> list and registers the meter ids for references.</summary>
internal static class MeterSectionReader
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromHours(1);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(1);

    public static IReadOnlyList<MeterDefinition> Read(ConfigMap root, SiteFileContext context)
    {
        var meters = new List<MeterDefinition>();
        foreach (var item in root.RequiredList("meters", minItems: 1) ?? [])
        {
            if (item.AsMap() is { } meter && ReadMeter(meter, context) is { } definition)
            {
                meters.Add(definition);
            }
        }

        return meters;
    }

    private static MeterDefinition? ReadMeter(ConfigMap meter, SiteFileContext context)
    {
        var idNode = meter.Required("id");
        var id = idNode?.AsString(SitePatterns.DeviceId(), SitePatterns.DeviceIdHint);
        var role = meter.RequiredKeyword("role", SiteKeywords.MeterRoles);
        if (id is not null)
        {
            context.Meters.Add(id, idNode!, role);
        }

        var interval = meter.OptionalDuration("interval", MinInterval, MaxInterval) ?? DefaultInterval;
        var connection = ReadConnection(meter, context);
        return id is null || role is null || connection is null
            ? null
            : new MeterDefinition
            {
                Id = id,
                Role = role.Value,
                PollInterval = interval,
                Connection = connection,
                Simulated = connection is ModbusConnection && meter.Optional("simulated")?.AsBool() == true,
            };
    }

    private static DeviceConnection? ReadConnection(ConfigMap meter, SiteFileContext context)
    {
        var modbus = meter.Optional("modbus");
        var simulatedNode = meter.Optional("simulated");
        var simulated = simulatedNode?.AsBool();
        if (simulated == true)
        {
            context.RequireSimulation(simulatedNode!, "a simulated meter needs a 'simulation' section");
            if (modbus is null)
            {
                return new SimulatedConnection();
            }

            // With a modbus: block the simulation serves the meter there, and the gateway reads it over Modbus.
        }

        if (modbus is null)
        {
            if (simulatedNode is null || simulated == false)
            {
                meter.ReportMissing("modbus", "or set simulated: true");
            }

            return null;
        }

        return ReadModbus(modbus);
    }

    /// <summary>A device's <c>modbus:</c> block (endpoint, unit, profile); null when it has errors (reported).</summary>
    public static ModbusConnection? ReadModbus(ConfigNode modbus)
    {
        if (modbus.AsMap() is not { } map)
        {
            return null;
        }

        var endpointNode = map.Required("endpoint");
        var endpoint = endpointNode?.AsString();
        if (endpoint is not null && ModbusEndpointSyntax.Problem(endpoint) is { } problem)
        {
            endpointNode!.Error(problem);
            endpoint = null;
        }

        var unit = map.RequiredInt("unit", Bounds.Between(1, 247));
        var profile = map.RequiredString("profile", SitePatterns.Profile(), SitePatterns.ProfileHint);
        return endpoint is null || unit is null || profile is null
            ? null
            : new ModbusConnection(endpoint, (byte)unit.Value, profile);
    }
}
