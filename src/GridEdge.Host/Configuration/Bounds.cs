using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// The allowed range of a number in a site file and the wording of its violations:
/// <c>0 is below the minimum 1</c>, <c>500 is above the maximum 400</c>, <c>0 must be greater than 0</c>.
/// </summary>
internal readonly record struct Bounds(
    double? Min = null,
    double? Max = null,
    bool MinExclusive = false,
    string MinLabel = "the minimum",
    string MaxLabel = "the maximum")
{
    /// <summary>Any finite value.</summary>
    public static Bounds Any => default;

    /// <summary>Greater than zero.</summary>
    public static Bounds Positive => new(0, MinExclusive: true);

    /// <summary>Zero or more.</summary>
    public static Bounds NonNegative => new(0);

    /// <summary>A fraction 0–1 (state of charge, cloudiness).</summary>
    public static Bounds Fraction => new(0, 1);

    /// <summary>An efficiency: above 0, at most 1.</summary>
    public static Bounds Efficiency => new(0, 1, MinExclusive: true);

    public static Bounds Between(double min, double max) => new(min, max);

    /// <summary>The violation message for <paramref name="value"/> (written as <paramref name="text"/>), or null when it is in range.</summary>
    public string? Check(string text, double value)
    {
        if (Min is { } min)
        {
            if (MinExclusive && value <= min)
            {
                return $"{text} must be greater than {Format(min)}";
            }

            if (!MinExclusive && value < min)
            {
                return $"{text} is below {MinLabel} {Format(min)}";
            }
        }

        return Max is { } max && value > max ? $"{text} is above {MaxLabel} {Format(max)}" : null;
    }

    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
