using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Sizes in the site file: plain bytes (<c>536870912</c>) or a number with KB, MB, GB (powers of
/// 1000) or KiB, MiB, GiB (powers of 1024), e.g. <c>512MB</c>, <c>1.5 GiB</c>.
/// </summary>
internal static class ByteSize
{
    public const string Syntax = "bytes, or a size with KB, MB, GB, KiB, MiB or GiB such as 512MB";

    private static readonly (string Suffix, long Factor)[] Units =
    [
        ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30),
        ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
    ];

    public static bool TryParse(string? text, out long bytes)
    {
        bytes = 0;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return false;
        }

        var (number, factor) = Split(trimmed);
        if (factor == 1)
        {
            return long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out bytes);
        }

        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value) || Math.Abs(value * factor) > long.MaxValue / 2)
        {
            return false;
        }

        bytes = (long)Math.Round(value * factor);
        return true;
    }

    private static (string Number, long Factor) Split(string text)
    {
        foreach (var (suffix, factor) in Units)
        {
            if (text.EndsWith(suffix, StringComparison.Ordinal))
            {
                return (text[..^suffix.Length].TrimEnd(), factor);
            }
        }

        return (text, 1);
    }
}
