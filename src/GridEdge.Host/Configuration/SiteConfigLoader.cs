using GridEdge.Domain.Site;
using YamlDotNet.Core;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Loads a site file (<c>firmware-config/sites/*.yaml</c>) into a <see cref="SiteConfiguration"/>,
/// or reports every error in it at once, each with line, column and key path.
/// </summary>
public static class SiteConfigLoader
{
    /// <summary>Reads and checks the site file at <paramref name="path"/>; errors name the file as given.</summary>
    public static ConfigLoadResult Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "file not found" : $"cannot read the file ({ex.Message})";
            return ConfigLoadResult.Failure([new ConfigError(path, 1, 1, ConfigPath.FileDisplay, reason)]);
        }

        var result = Parse(text, path);
        return result.Succeeded
            ? ConfigLoadResult.Success(result.Configuration with { SourcePath = Path.GetFullPath(path) })
            : result;
    }

    /// <summary>Checks site-file YAML; <paramref name="fileNameForMessages"/> is what errors name as the file.</summary>
    public static ConfigLoadResult Parse(string yamlText, string fileNameForMessages)
    {
        ArgumentNullException.ThrowIfNull(yamlText);
        ArgumentNullException.ThrowIfNull(fileNameForMessages);
        var errors = new ConfigErrors(fileNameForMessages);
        var configuration = Read(yamlText, fileNameForMessages, errors);
        return errors.Count == 0 && configuration is not null
            ? ConfigLoadResult.Success(configuration)
            : ConfigLoadResult.Failure(errors.ToList());
    }

    private static SiteConfiguration? Read(string yamlText, string fileName, ConfigErrors errors)
    {
        var rootNode = YamlDocumentReader.Read(yamlText, errors);
        if (rootNode is null)
        {
            if (errors.Count == 0)
            {
                errors.Add(new Mark(0, 1, 1), "", "the file is empty; a site file needs at least site, grid and meters");
            }

            return null;
        }

        if (new ConfigNode(errors, rootNode, "", "").AsMap() is not { } root)
        {
            return null;
        }

        var context = new SiteFileContext(errors);
        var meters = MeterSectionReader.Read(root, context);
        var identity = SiteSectionReader.Read(root);
        var grid = GridSectionReader.Read(root, context);
        var brokers = MqttSectionReader.Read(root, context);
        var chargers = ChargerSectionReader.Read(root, context);
        var pv = PvSectionReader.Read(root, context);
        var battery = BatterySectionReader.Read(root, context);
        var control = ControlSectionReader.Read(root);
        var tariff = TariffSectionReader.Read(root);
        var planning = PlanningSectionReader.Read(root, chargers, context, brokers);
        var api = ApiSectionReader.Read(root);
        var telemetry = TelemetrySectionReader.Read(root);
        var simulation = SimulationSectionReader.Read(root, context, pv);
        context.CheckSimulationPresent(root.Has("simulation"));

        if (errors.Count > 0 || identity is null || grid is null)
        {
            return null;
        }

        return new SiteConfiguration
        {
            Site = new SiteDefinition
            {
                Id = identity.Id,
                Name = identity.Name,
                TimeZone = identity.TimeZone,
                Currency = identity.Currency,
                Grid = grid,
                Meters = meters,
                ChargePoints = chargers,
                Pv = pv,
                Battery = battery,
                Tariff = tariff,
                Planning = planning,
                Control = control,
            },
            Api = api,
            MqttBrokers = brokers,
            Telemetry = telemetry,
            Simulation = simulation,
            SourcePath = fileName,
        };
    }
}
