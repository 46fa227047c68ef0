using System.Globalization;
using System.Text.RegularExpressions;
using GridEdge.Domain.Units;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Host.Configuration;

/// <summary>
/// A cursor on one node of a site file: knows its key path and where it is, converts its value to
/// the type a key needs, and reports every problem to the file's <see cref="ConfigErrors"/> instead
/// of throwing, so that one pass finds all errors. Conversions return null after reporting.
/// </summary>
internal sealed class ConfigNode(ConfigErrors errors, YamlNode node, string path, string schemaPath)
{
    private static readonly string[] TimeOfDayFormats = ["HH:mm", "H:mm"];

    public ConfigErrors Errors { get; } = errors;

    public YamlNode Node { get; } = node;

    /// <summary>Key path of this node, e.g. <c>chargers[2].max_current_a</c>.</summary>
    public string Path { get; } = path;

    /// <summary>Key path of this node in <see cref="SiteFileKeys"/>, e.g. <c>chargers[].max_current_a</c>.</summary>
    public string SchemaPath { get; } = schemaPath;

    public Mark Start => Node.Start;

    public long Line => Node.Start.Line;

    /// <summary>The text of a scalar, null for a mapping or list.</summary>
    public string? ScalarText => Node is YamlScalarNode scalar ? scalar.Value ?? "" : null;

    /// <summary>True for <c>~</c>, <c>null</c> or nothing written after the colon.</summary>
    public bool IsNull =>
        Node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    public void Error(string message) => Errors.Add(Node.Start, Path, message);

    /// <summary>How the value is named in a type error: <c>'abc'</c>, <c>a mapping</c>, <c>a list</c>.</summary>
    public string Describe() => Node switch
    {
        _ when IsNull => "nothing",
        YamlScalarNode scalar => $"'{scalar.Value}'",
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        _ => "an alias",
    };

    /// <summary>The node as a mapping whose keys are checked against <see cref="SiteFileKeys"/> for <see cref="SchemaPath"/>.</summary>
    public ConfigMap? AsMap()
    {
        if (Node is not YamlMappingNode mapping)
        {
            Error($"expected a mapping, got {Describe()}");
            return null;
        }

        return new ConfigMap(this, mapping);
    }

    /// <summary>The items of a list, each a cursor with the item's index in its path.</summary>
    public IReadOnlyList<ConfigNode>? AsList(int minItems = 0)
    {
        if (Node is not YamlSequenceNode sequence)
        {
            Error($"expected a list, got {Describe()}");
            return null;
        }

        if (sequence.Children.Count < minItems)
        {
            Error(string.Create(CultureInfo.InvariantCulture, $"expected at least {minItems} item{(minItems == 1 ? "" : "s")}, got {sequence.Children.Count}"));
            return null;
        }

        var itemSchemaPath = ConfigPath.SchemaItem(SchemaPath);
        return [.. sequence.Children.Select((child, i) => new ConfigNode(Errors, child, ConfigPath.Item(Path, i), itemSchemaPath))];
    }

    /// <summary>A string; with <paramref name="pattern"/>, one that matches it (<paramref name="patternHint"/> says what it allows).</summary>
    public string? AsString(Regex? pattern = null, string? patternHint = null)
    {
        if (ScalarText is not { } text)
        {
            Error($"expected a string, got {Describe()}");
            return null;
        }

        if (text.Length == 0)
        {
            Error("expected a non-empty string");
            return null;
        }

        if (pattern is not null && !pattern.IsMatch(text))
        {
            Error(patternHint is null ? $"'{text}' does not match {pattern}" : $"'{text}' does not match {pattern} ({patternHint})");
            return null;
        }

        return text;
    }

    /// <summary>An integer, decimal or <c>0x</c> hex, within <paramref name="bounds"/>.</summary>
    public long? AsInteger(Bounds bounds)
    {
        var text = ScalarText?.Trim();
        if (text is null || !TryParseInteger(text, out var value))
        {
            Error($"expected an integer, got {Describe()}");
            return null;
        }

        return CheckRange(text, value, bounds) ? value : null;
    }

    public int? AsInt(Bounds bounds)
    {
        var merged = bounds with
        {
            Min = Math.Max(bounds.Min ?? int.MinValue, int.MinValue),
            Max = Math.Min(bounds.Max ?? int.MaxValue, int.MaxValue),
        };
        return AsInteger(merged) is { } value ? (int)value : null;
    }

    /// <summary>An integer that must be one of <paramref name="allowed"/> (e.g. phases 1 or 3).</summary>
    public int? AsChoice(IReadOnlyList<int> allowed)
    {
        if (AsInt(Bounds.Any) is not { } value)
        {
            return null;
        }

        if (!allowed.Contains(value))
        {
            Error($"{ScalarText?.Trim()} is not one of: {string.Join(", ", allowed.Select(a => a.ToString(CultureInfo.InvariantCulture)))}");
            return null;
        }

        return value;
    }

    /// <summary>A finite number within <paramref name="bounds"/>.</summary>
    public double? AsNumber(Bounds bounds)
    {
        var text = ScalarText?.Trim();
        if (text is null || !TryParseNumber(text, out var value))
        {
            Error($"expected a number, got {Describe()}");
            return null;
        }

        return CheckRange(text, value, bounds) ? value : null;
    }

    public bool? AsBool()
    {
        switch (ScalarText?.Trim())
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Error($"expected true or false, got {Describe()}");
                return null;
        }
    }

    /// <summary>A duration in the site-file syntax (<c>500ms</c>, <c>20s</c>, <c>5m</c>) between <paramref name="min"/> and <paramref name="max"/>.</summary>
    public TimeSpan? AsDuration(TimeSpan? min = null, TimeSpan? max = null)
    {
        var text = ScalarText?.Trim();
        if (!Durations.TryParse(text, out var value))
        {
            Error($"expected a duration, got {Describe()}; use {Durations.Syntax}");
            return null;
        }

        if (min is { } lowest && value < lowest)
        {
            Error($"{text} is below the minimum {Durations.Format(lowest)}");
            return null;
        }

        if (max is { } highest && value > highest)
        {
            Error($"{text} is above the maximum {Durations.Format(highest)}");
            return null;
        }

        return value;
    }

    /// <summary>One of the keywords <paramref name="choices"/>, mapped to its value.</summary>
    public T? AsKeyword<T>(IReadOnlyList<(string Name, T Value)> choices)
        where T : struct
    {
        var name = AsKeyword([.. choices.Select(c => c.Name)]);
        return name is null ? null : choices.First(c => c.Name == name).Value;
    }

    /// <summary>One of the keywords <paramref name="choices"/> (case-sensitive).</summary>
    public string? AsKeyword(IReadOnlyList<string> choices)
    {
        var text = ScalarText?.Trim();
        if (text is not null && choices.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        Error(text is null
            ? $"expected one of: {string.Join(", ", choices)}, got {Describe()}"
            : $"'{text}' is not one of: {string.Join(", ", choices)}");
        return null;
    }

    /// <summary>A time of day written <c>HH:mm</c>.</summary>
    public TimeOnly? AsTimeOfDay()
    {
        var text = ScalarText?.Trim();
        if (!TimeOnly.TryParseExact(text, TimeOfDayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            Error($"expected a time of day as HH:mm, got {Describe()}");
            return null;
        }

        return time;
    }

    /// <summary>An absolute URL with a host and one of <paramref name="schemes"/>.</summary>
    public Uri? AsUrl(IReadOnlyList<string> schemes)
    {
        var text = ScalarText?.Trim();
        var expected = $"an absolute {string.Join(" or ", schemes)} URL";
        if (string.IsNullOrEmpty(text) || !Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            Error($"expected {expected}, got {Describe()}");
            return null;
        }

        if (!schemes.Contains(uri.Scheme, StringComparer.OrdinalIgnoreCase))
        {
            Error($"'{text}' is not {expected}");
            return null;
        }

        return uri;
    }

    internal static bool TryParseInteger(string text, out long value)
    {
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            return long.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }

        return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryParseNumber(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    private bool CheckRange(string text, double value, Bounds bounds)
    {
        if (bounds.Check(text, value) is { } message)
        {
            Error(message);
            return false;
        }

        return true;
    }
}
