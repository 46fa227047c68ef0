using System.Globalization;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Devices.Profiles;

/// <summary>Typed access to the scalars of a profile file; every bad value becomes an error with its position.</summary>
internal sealed class ProfileYaml(string file)
{
    private readonly List<ProfileError> _errors = [];

    public IReadOnlyList<ProfileError> Errors => _errors;

    public void Error(YamlNode node, string key, string message) =>
        _errors.Add(new ProfileError(file, (int)node.Start.Line, (int)node.Start.Column, key, message));

    /// <summary>The mapping's entries by key; unknown keys are errors that name the allowed ones.</summary>
    public Dictionary<string, YamlNode> Mapping(YamlNode node, string path, IReadOnlyList<string> allowed)
    {
        var entries = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        if (node is not YamlMappingNode mapping)
        {
            Error(node, path.Length == 0 ? "(document)" : path, "expected a mapping");
            return entries;
        }

        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            if (!allowed.Contains(key))
            {
                Error(keyNode, Join(path, key), $"unknown key (allowed: {string.Join(", ", allowed)})");
                continue;
            }

            entries[key] = value;
        }

        return entries;
    }

    public string? Text(Dictionary<string, YamlNode> map, string key, string path)
    {
        if (!map.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        Error(node, Join(path, key), "expected a text value");
        return null;
    }

    public string RequiredText(Dictionary<string, YamlNode> map, string key, string path, YamlNode owner)
    {
        var text = Text(map, key, path);
        if (text is null && !map.ContainsKey(key))
        {
            Error(owner, Join(path, key), "is required");
        }

        return text ?? "";
    }

    /// <summary>A whole number in decimal or 0x hex, within [min, max].</summary>
    public int? Integer(Dictionary<string, YamlNode> map, string key, string path, int min, int max)
    {
        var text = Text(map, key, path);
        if (text is null)
        {
            return null;
        }

        var ok = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? int.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var number)
            : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);
        if (ok && number >= min && number <= max)
        {
            return number;
        }

        Error(map[key], Join(path, key), $"'{text}' is not a whole number in {min}–{max} (decimal or 0x hex)");
        return null;
    }

    public double? Number(Dictionary<string, YamlNode> map, string key, string path)
    {
        var text = Text(map, key, path);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        Error(map[key], Join(path, key), $"'{text}' is not a number");
        return null;
    }

    public bool? Boolean(Dictionary<string, YamlNode> map, string key, string path) => Text(map, key, path) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        var other => Fail<bool>(map[key], Join(path, key), $"'{other}' is not true or false"),
    };

    public TimeSpan? Duration(YamlNode node, string path)
    {
        var text = (node as YamlScalarNode)?.Value;
        if (Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero)
        {
            return duration;
        }

        Error(node, path, $"'{text}' is not a duration ({Durations.Syntax})");
        return null;
    }

    /// <summary>One of <paramref name="choices"/> (by its spelling in the file).</summary>
    public T? Choice<T>(Dictionary<string, YamlNode> map, string key, string path, IReadOnlyDictionary<string, T> choices)
        where T : struct
    {
        var text = Text(map, key, path);
        if (text is null)
        {
            return null;
        }

        if (choices.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(map[key], Join(path, key), $"'{text}' is not one of: {string.Join(", ", choices.Keys)}");
        return null;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : path + "." + key;

    public static readonly IReadOnlyDictionary<string, FunctionCode> Functions = new Dictionary<string, FunctionCode>(StringComparer.Ordinal)
    {
        ["3"] = FunctionCode.ReadHoldingRegisters,
        ["4"] = FunctionCode.ReadInputRegisters,
    };

    /// <summary>Type names as CLI.md spells them; `acc` is the issue's name for a 32-bit energy accumulator.</summary>
    public static readonly IReadOnlyDictionary<string, RegisterType> Types = Enum.GetValues<RegisterType>()
        .Select(t => KeyValuePair.Create(t.ToString().ToLowerInvariant(), t))
        .Append(KeyValuePair.Create("acc", RegisterType.Acc32))
        .ToDictionary(StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, WordOrder> Orders = Enum.GetValues<WordOrder>().ToDictionary(o => o.ToString(), o => o, StringComparer.Ordinal);

    public static readonly IReadOnlyDictionary<string, PointSign> Signs = new Dictionary<string, PointSign>(StringComparer.Ordinal)
    {
        ["import_positive"] = PointSign.ImportPositive,
        ["export_positive"] = PointSign.ExportPositive,
    };

    private T? Fail<T>(YamlNode node, string key, string message)
        where T : struct
    {
        Error(node, key, message);
        return null;
    }
}
