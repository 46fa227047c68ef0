using System.Text.RegularExpressions;

namespace GridEdge.Host.Configuration;

/// <summary>The text patterns of site-file values.</summary>
internal static partial class SitePatterns
{
    public const string SiteIdHint = "lower-case letters, digits and '-'";

    public const string DeviceIdHint = "lower-case letters, digits, '_' and '-'";

    public const string ProfileHint = "a device profile name such as eastron-sdm630";

    public const string CurrencyHint = "three upper-case letters, e.g. JPY or EUR";

    /// <summary>Site ids go into MQTT topics and telemetry tags.</summary>
    [GeneratedRegex("^[a-z0-9-]+$")]
    public static partial Regex SiteId();

    /// <summary>Ids of meters, brokers and chargers.</summary>
    [GeneratedRegex("^[a-z0-9_-]+$")]
    public static partial Regex DeviceId();

    [GeneratedRegex("^[a-z0-9-]+$")]
    public static partial Regex Profile();

    [GeneratedRegex("^[A-Z]{3}$")]
    public static partial Regex Currency();
}
