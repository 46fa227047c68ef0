using System.Globalization;

namespace GridEdge.Host.Planning;

/// <summary>
/// The HTTP headers that authenticate a price or forecast URL, never taken from the site file: the
/// <c>Name: value</c> lines of the source's <c>credentials_file</c>, else <c>Authorization: Bearer</c>
/// with the token in GRIDEDGE_PRICES_TOKEN / GRIDEDGE_FORECAST_TOKEN, else none.
/// </summary>
internal static class ScheduleCredentials
{
    public const string PricesTokenVariable = "GRIDEDGE_PRICES_TOKEN";

    public const string ForecastTokenVariable = "GRIDEDGE_FORECAST_TOKEN";

    /// <summary>The token variable of the schedule at <paramref name="schemaPath"/> (<c>planning.prices</c> or <c>planning.forecast</c>).</summary>
    public static string TokenVariable(string schemaPath) => schemaPath == "planning.prices" ? PricesTokenVariable : ForecastTokenVariable;

    public static IReadOnlyDictionary<string, string> Resolve(string? credentialsFile, string tokenVariable, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (credentialsFile is not null)
        {
            return FromFile(credentialsFile);
        }

        return environment(tokenVariable) is { Length: > 0 } token
            ? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Authorization"] = $"Bearer {token}" }
            : new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    }

    private static Dictionary<string, string> FromFile(string path)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (lineNumber, line) in Devices.Credentials.CredentialsFile.Lines(path))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                // Never echo the line: it may be the secret itself.
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"{path}:{lineNumber}: expected an HTTP header 'Name: value'"));
            }

            headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return headers;
    }
}
