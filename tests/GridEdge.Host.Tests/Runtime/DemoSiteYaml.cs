using GridEdge.Testing;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>The demo site's YAML with what a test needs changed, so each test states only that.</summary>
internal static class DemoSiteYaml
{
    /// <summary>
    /// A night tariff (40 per kWh, 15 from 01:00 to 05:00) and a 30-minute planning section for Yokohama,
    /// open at its end for more planning keys (indented by two spaces).
    /// </summary>
    public const string NightTariffAndPlanning = """
        tariff:
          import_price_per_kwh: 40
          export_price_per_kwh: 8
          time_of_use:
            - { from: "01:00", to: "05:00", import_price_per_kwh: 15 }

        planning:
          slot: 30m
          latitude: 35.45
          longitude: 139.63

        """;

    /// <summary>The demo site with <paramref name="sections"/> (top-level YAML) inserted before <c>control:</c>.</summary>
    public static string With(string sections) =>
        File.ReadAllText(RepoPaths.DemoSite).Replace("control:                      #", sections + "\ncontrol:                      #", StringComparison.Ordinal);

    /// <summary>As <see cref="With"/>, with the visitor an evening arrival (17:00, leaves 07:00) in <paramref name="visitorMode"/> and the clock from 18:00.</summary>
    public static string EveningVisitor(string visitorMode, string sections) => With(sections)
        .Replace("    mode: now                 # as fast as the limits allow", $"    mode: {visitorMode}", StringComparison.Ordinal)
        .Replace("start_time: \"10:30\"", "start_time: \"18:00\"", StringComparison.Ordinal)
        .Replace("      arrive: \"10:00\"\n      depart: \"14:00\"", "      arrive: \"17:00\"\n      depart: \"07:00\"", StringComparison.Ordinal);
}
