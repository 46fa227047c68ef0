using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Checks a Modbus endpoint as CLI.md writes them: <c>tcp://HOST:PORT</c>, <c>rtutcp://HOST:PORT</c>
/// (port default 502) or <c>rtu:///dev/NAME?baud=9600&amp;parity=N&amp;stop=1&amp;data=8</c>.
/// </summary>
internal static class ModbusEndpointSyntax
{
    private const string Expected =
        "expected tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/NAME?baud=9600&parity=N&stop=1&data=8";

    private static readonly string[] SerialParameters = ["baud", "parity", "stop", "data"];
    private static readonly string[] Parities = ["N", "E", "O"];
    private static readonly string[] StopBits = ["1", "2"];
    private static readonly string[] DataBits = ["7", "8"];

    /// <summary>What is wrong with <paramref name="endpoint"/>, or null when it is valid.</summary>
    public static string? Problem(string endpoint)
    {
        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return NetworkProblem(endpoint, endpoint["tcp://".Length..]);
        }

        if (endpoint.StartsWith("rtutcp://", StringComparison.Ordinal))
        {
            return NetworkProblem(endpoint, endpoint["rtutcp://".Length..]);
        }

        if (endpoint.StartsWith("rtu://", StringComparison.Ordinal))
        {
            return SerialProblem(endpoint, endpoint["rtu://".Length..]);
        }

        return $"'{endpoint}' is not a Modbus endpoint ({Expected})";
    }

    private static string? NetworkProblem(string endpoint, string authority)
    {
        if (authority.IndexOfAny(['/', '?', '#', '@', ' ']) >= 0)
        {
            return $"'{endpoint}' is not a Modbus endpoint ({Expected})";
        }

        string host;
        string? port = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return $"'{endpoint}' has an unclosed IPv6 address";
            }

            host = authority[1..close];
            var rest = authority[(close + 1)..];
            if (rest.Length > 0)
            {
                if (!rest.StartsWith(':'))
                {
                    return $"'{endpoint}' is not a Modbus endpoint ({Expected})";
                }

                port = rest[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            host = colon < 0 ? authority : authority[..colon];
            port = colon < 0 ? null : authority[(colon + 1)..];
        }

        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            return $"'{endpoint}' has no valid host ({Expected})";
        }

        if (port is not null
            && (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 65535))
        {
            return $"'{endpoint}' has an invalid port '{port}' (1–65535)";
        }

        return null;
    }

    private static string? SerialProblem(string endpoint, string rest)
    {
        var question = rest.IndexOf('?', StringComparison.Ordinal);
        var device = question < 0 ? rest : rest[..question];
        if (!device.StartsWith("/dev/", StringComparison.Ordinal) || device.Length == "/dev/".Length || device.Contains(' ', StringComparison.Ordinal))
        {
            return $"'{endpoint}' does not name a serial device such as /dev/ttyUSB0 ({Expected})";
        }

        if (question < 0)
        {
            return null;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in rest[(question + 1)..].Split('&'))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var name = equals < 0 ? parameter : parameter[..equals];
            var value = equals < 0 ? "" : parameter[(equals + 1)..];
            if (!SerialParameters.Contains(name))
            {
                var suggestion = KeySuggester.Closest(name, SerialParameters);
                return suggestion is null
                    ? $"unknown parameter '{name}' in '{endpoint}' (allowed: {string.Join(", ", SerialParameters)})"
                    : $"unknown parameter '{name}' in '{endpoint}' (did you mean '{suggestion}'?)";
            }

            if (!seen.Add(name))
            {
                return $"parameter '{name}' appears twice in '{endpoint}'";
            }

            if (ValueProblem(name, value) is { } problem)
            {
                return $"{problem} in '{endpoint}'";
            }
        }

        return null;
    }

    private static string? ValueProblem(string name, string value) => name switch
    {
        "baud" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var baud) && baud is >= 50 and <= 4_000_000
            ? null
            : $"baud '{value}' is not a baud rate (50–4000000)",
        "parity" => Choice(name, value, Parities),
        "stop" => Choice(name, value, StopBits),
        _ => Choice(name, value, DataBits),
    };

    private static string? Choice(string name, string value, string[] allowed) =>
        allowed.Contains(value, StringComparer.Ordinal) ? null : $"{name} '{value}' is not one of: {string.Join(", ", allowed)}";
}
