using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>The keyword values of site-file keys, in the order error messages list them.</summary>
internal static class SiteKeywords
{
    public const string SimulatedProtocol = "simulated";

    public const string GenericProtocol = "generic";

    public static readonly IReadOnlyList<string> Protocols = ["generic", "go-e", "openwb", "everest", SimulatedProtocol];

    public static readonly IReadOnlyList<(string Name, MeterRole Value)> MeterRoles =
        [("grid", MeterRole.Grid), ("pv", MeterRole.Pv), ("battery", MeterRole.Battery), ("load", MeterRole.Load)];

    public static readonly IReadOnlyList<(string Name, ChargeMode Value)> ChargeModes =
        [("off", ChargeMode.Off), ("now", ChargeMode.Now), ("solar", ChargeMode.Solar), ("minsolar", ChargeMode.MinSolar), ("v2h", ChargeMode.V2h), ("plan", ChargeMode.Plan)];

    public static readonly IReadOnlyList<(string Name, FailSafeAction Value)> FailSafeActions =
        [("min", FailSafeAction.MinCurrent), ("off", FailSafeAction.Off)];

    public static readonly IReadOnlyList<int> PhaseCounts = [1, 3];

    public static readonly IReadOnlyList<int> InfluxVersions = [1, 2];

    public static readonly IReadOnlyList<string> HttpSchemes = ["http", "https"];

    public static readonly IReadOnlyList<string> MqttSchemes = ["mqtt", "mqtts"];

    public const string FileSource = "file";

    public const string UrlSource = "url";

    public const string MqttSource = "mqtt";

    public static readonly IReadOnlyList<string> ScheduleSources = [FileSource, UrlSource, MqttSource];

    public static readonly IReadOnlyList<(string Name, PriceFormat Value)> PriceFormats =
        [("jepx", PriceFormat.Jepx), ("eu-day-ahead", PriceFormat.EuDayAhead)];

    public static readonly IReadOnlyList<(string Name, ExportPriceBasis Value)> ExportPriceBases =
        [("tariff", ExportPriceBasis.Tariff), ("spot", ExportPriceBasis.Spot)];

    public static string Name(MeterRole role) => MeterRoles.First(r => r.Value == role).Name;
}
