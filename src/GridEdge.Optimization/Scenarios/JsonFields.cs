using System.Globalization;
using System.Text.Json;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Strict access to one JSON object of a scenario file: every read names the file and the full field
/// path (e.g. <c>evs[3].max_charge_kw</c>) when the field is missing, of the wrong type or out of range.
/// </summary>
internal readonly struct JsonFields
{
    private readonly JsonElement _element;

    public JsonFields(string file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        _element = element;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error(path.Length == 0 ? "(root)" : path, "must be a JSON object");
        }
    }

    public string File { get; }

    public string Path { get; }

    public string FieldPath(string name) => Path.Length == 0 ? name : Path + "." + name;

    public ScenarioFormatException Error(string field, string problem) => new(File, field, problem);

    public bool Has(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null;

    public JsonElement Get(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Error(FieldPath(name), "missing");

    public string String(string name)
    {
        var value = Get(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error(FieldPath(name), "must be a string");
    }

    public double Number(string name, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw Error(FieldPath(name), "must be a finite number");
        }

        if (number < min || number > max)
        {
            throw Error(FieldPath(name), string.Create(CultureInfo.InvariantCulture, $"{number} is outside [{min}, {max}]"));
        }

        return number;
    }

    /// <summary>A number that may be absent or null (then <paramref name="fallback"/>).</summary>
    public double OptionalNumber(string name, double fallback, double min = double.NegativeInfinity) =>
        Has(name) ? Number(name, min) : fallback;

    public int Integer(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Get(name);
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
        {
            throw Error(FieldPath(name), "must be an integer");
        }

        if (number < min || number > max)
        {
            throw Error(FieldPath(name), string.Create(CultureInfo.InvariantCulture, $"{number} is outside [{min}, {max}]"));
        }

        return number;
    }

    public JsonFields Object(string name) => new(File, FieldPath(name), Get(name));
}
