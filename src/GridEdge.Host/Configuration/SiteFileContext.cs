using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>
/// What the section readers of one site file share: the ids defined so far (for references and
/// duplicates), the grid facts chargers are checked against, and the devices that need a
/// <c>simulation:</c> section.
/// </summary>
internal sealed class SiteFileContext(ConfigErrors errors)
{
    private readonly List<(ConfigNode Node, string Message)> _needsSimulation = [];

    public ConfigErrors Errors { get; } = errors;

    /// <summary>Meter ids with their role (null when the role itself is invalid).</summary>
    public IdCatalog<MeterRole?> Meters { get; } = new("meter");

    public IdCatalog<bool> Brokers { get; } = new("broker");

    /// <summary>Charger ids with their protocol (null when the protocol itself is invalid).</summary>
    public IdCatalog<string?> Chargers { get; } = new("charger");

    /// <summary>grid.phases, when valid.</summary>
    public int? GridPhases { get; set; }

    /// <summary>grid.voltage_v, when valid.</summary>
    public double? GridVoltage { get; set; }

    /// <summary>Notes a simulated device, which is an error unless the file has a <c>simulation:</c> section.</summary>
    public void RequireSimulation(ConfigNode node, string message) => _needsSimulation.Add((node, message));

    public void CheckSimulationPresent(bool present)
    {
        if (present)
        {
            return;
        }

        foreach (var (node, message) in _needsSimulation)
        {
            node.Error(message);
        }
    }

    /// <summary>The id of the meter <paramref name="reference"/> names, which must have role <paramref name="role"/>.</summary>
    public string? ResolveMeter(ConfigNode reference, MeterRole role)
    {
        if (!Meters.TryResolve(reference, out var id, out var actual))
        {
            return null;
        }

        if (actual is { } known && known != role)
        {
            reference.Error($"meter '{id}' has role {SiteKeywords.Name(known)}, expected a meter with role {SiteKeywords.Name(role)}");
            return null;
        }

        return id;
    }
}
