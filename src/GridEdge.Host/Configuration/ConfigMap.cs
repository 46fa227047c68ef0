using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Host.Configuration;

/// <summary>
/// A mapping of a site file. On creation every key is checked against the keys
/// <see cref="SiteFileKeys"/> allows at this path (unknown keys and secrets become errors);
/// the accessors then read one key each, reporting a missing required key at the mapping.
/// </summary>
internal sealed class ConfigMap
{
    private readonly Dictionary<string, (YamlNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _allowed;

    public ConfigMap(ConfigNode node, YamlMappingNode mapping)
    {
        Node = node;
        if (!SiteFileKeys.AllowedKeys.TryGetValue(node.SchemaPath, out var allowed))
        {
            throw new InvalidOperationException($"No keys are registered for '{node.SchemaPath}' in {nameof(SiteFileKeys)}.");
        }

        _allowed = allowed;
        foreach (var (key, value) in mapping.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } name })
            {
                node.Errors.Add(key.Start, node.Path, "expected a plain key");
                continue;
            }

            if (!allowed.Contains(name))
            {
                node.Errors.Add(key.Start, ConfigPath.Child(node.Path, name), UnknownKeyMessage(node.SchemaPath, name, allowed));
                continue;
            }

            _entries[name] = (key, value);
        }
    }

    /// <summary>The mapping itself (position, path).</summary>
    public ConfigNode Node { get; }

    /// <summary>True when <paramref name="key"/> is written with a value other than null.</summary>
    public bool Has(string key) => Optional(key) is not null;

    /// <summary>The value of <paramref name="key"/>, or null when it is absent or null.</summary>
    public ConfigNode? Optional(string key)
    {
        var child = Child(key);
        return child is { IsNull: false } ? child : null;
    }

    /// <summary>The value of <paramref name="key"/>; reports it (at the mapping) when it is missing or has no value.</summary>
    public ConfigNode? Required(string key)
    {
        var child = Child(key);
        if (child is null)
        {
            ReportMissing(key);
            return null;
        }

        if (child.IsNull)
        {
            Node.Errors.Add(_entries[key].Key.Start, child.Path, $"required key '{key}' has no value");
            return null;
        }

        return child;
    }

    /// <summary>Reports <paramref name="key"/> as missing, at the mapping; <paramref name="note"/> is added in parentheses.</summary>
    public void ReportMissing(string key, string? note = null)
    {
        _ = Child(key);
        var message = $"required key '{key}' is missing";
        Node.Errors.Add(Node.Start, ConfigPath.Child(Node.Path, key), note is null ? message : $"{message} ({note})");
    }

    public string? RequiredString(string key, Regex? pattern = null, string? patternHint = null) =>
        Required(key)?.AsString(pattern, patternHint);

    public string? OptionalString(string key, Regex? pattern = null, string? patternHint = null) =>
        Optional(key)?.AsString(pattern, patternHint);

    public int? RequiredInt(string key, Bounds bounds) => Required(key)?.AsInt(bounds);

    public int? OptionalInt(string key, Bounds bounds) => Optional(key)?.AsInt(bounds);

    public int? RequiredChoice(string key, IReadOnlyList<int> allowed) => Required(key)?.AsChoice(allowed);

    public int? OptionalChoice(string key, IReadOnlyList<int> allowed) => Optional(key)?.AsChoice(allowed);

    public double? RequiredNumber(string key, Bounds bounds) => Required(key)?.AsNumber(bounds);

    public double? OptionalNumber(string key, Bounds bounds) => Optional(key)?.AsNumber(bounds);

    public bool? OptionalBool(string key) => Optional(key)?.AsBool();

    public TimeSpan? OptionalDuration(string key, TimeSpan? min = null, TimeSpan? max = null) =>
        Optional(key)?.AsDuration(min, max);

    public T? RequiredKeyword<T>(string key, IReadOnlyList<(string Name, T Value)> choices)
        where T : struct => Required(key)?.AsKeyword(choices);

    public T? OptionalKeyword<T>(string key, IReadOnlyList<(string Name, T Value)> choices)
        where T : struct => Optional(key)?.AsKeyword(choices);

    public string? RequiredKeyword(string key, IReadOnlyList<string> choices) => Required(key)?.AsKeyword(choices);

    public TimeOnly? RequiredTimeOfDay(string key) => Required(key)?.AsTimeOfDay();

    public TimeOnly? OptionalTimeOfDay(string key) => Optional(key)?.AsTimeOfDay();

    public Uri? RequiredUrl(string key, IReadOnlyList<string> schemes) => Required(key)?.AsUrl(schemes);

    public Uri? OptionalUrl(string key, IReadOnlyList<string> schemes) => Optional(key)?.AsUrl(schemes);

    public ConfigMap? RequiredMap(string key) => Required(key)?.AsMap();

    public ConfigMap? OptionalMap(string key) => Optional(key)?.AsMap();

    public IReadOnlyList<ConfigNode>? RequiredList(string key, int minItems = 0) => Required(key)?.AsList(minItems);

    public IReadOnlyList<ConfigNode>? OptionalList(string key) => Optional(key)?.AsList();

    private ConfigNode? Child(string key)
    {
        if (!_allowed.Contains(key))
        {
            throw new InvalidOperationException($"'{key}' is read at '{Node.SchemaPath}' but not registered in {nameof(SiteFileKeys)}.");
        }

        return _entries.TryGetValue(key, out var entry)
            ? new ConfigNode(Node.Errors, entry.Value, ConfigPath.Child(Node.Path, key), ConfigPath.Child(Node.SchemaPath, key))
            : null;
    }

    private static string UnknownKeyMessage(string schemaPath, string key, IReadOnlyList<string> allowed)
    {
        if (SiteFileKeys.SecretMessage(schemaPath, key) is { } secret)
        {
            return secret;
        }

        return KeySuggester.Closest(key, allowed) is { } suggestion
            ? $"unknown key '{key}' (did you mean '{suggestion}'?)"
            : $"unknown key '{key}' (allowed: {string.Join(", ", allowed)})";
    }
}
