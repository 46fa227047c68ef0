using GridEdge.Domain.Site;
using GridEdge.Simulation.Settings;

namespace GridEdge.Host.Configuration;

/// <summary>Everything a site file describes: the domain site model plus the host's own settings.</summary>
public sealed record SiteConfiguration
{
    public required SiteDefinition Site { get; init; }

    public ApiSettings Api { get; init; } = new();

    public IReadOnlyList<MqttBrokerSettings> MqttBrokers { get; init; } = [];

    public TelemetrySettings Telemetry { get; init; } = new();

    /// <summary>The <c>simulation:</c> section; null when the site has none.</summary>
    public SimulationSettings? Simulation { get; init; }

    /// <summary>The file the configuration was read from (full path when loaded from disk).</summary>
    public required string SourcePath { get; init; }
}
