using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Parses and prints the duration syntax of the site file and CLI: <c>500ms</c>, <c>20s</c>, <c>5m</c>, <c>2h</c>, <c>1d</c>.</summary>
public static class Durations
{
    private static readonly (string Suffix, double Milliseconds)[] Units =
    [
        ("ms", 1), ("s", 1000), ("m", 60_000), ("h", 3_600_000), ("d", 86_400_000),
    ];

    public const string Syntax = "a number with unit ms, s, m, h or d (e.g. 500ms, 20s, 5m, 2h, 1d)";

    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim();
        // "ms" must be tried before "m" and "s".
        foreach (var (suffix, milliseconds) in Units.OrderByDescending(u => u.Suffix.Length))
        {
            if (!trimmed.EndsWith(suffix, StringComparison.Ordinal))
            {
                continue;
            }

            var number = trimmed[..^suffix.Length];
            if (number.Length == 0 || !char.IsAsciiDigit(number[^1])
                || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || double.IsInfinity(value) || value * milliseconds > TimeSpan.MaxValue.TotalMilliseconds)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(value * milliseconds);
            return true;
        }

        return false;
    }

    public static string Format(TimeSpan duration)
    {
        var ms = duration.TotalMilliseconds;
        foreach (var (suffix, unit) in Units.Reverse())
        {
            if (ms >= unit && ms % unit == 0)
            {
                return (ms / unit).ToString(CultureInfo.InvariantCulture) + suffix;
            }
        }

        return ms.ToString(CultureInfo.InvariantCulture) + "ms";
    }
}
