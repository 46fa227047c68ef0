using GridEdge.Telemetry.LineProtocol;

namespace GridEdge.Telemetry;

/// <summary>
/// One measurement at one instant: tags (kept sorted by key, as InfluxDB ingests them best) and
/// typed fields. The timestamp is fixed when the point is created, so that a replay of the same
/// point after a crash overwrites the stored one (same series and time) instead of duplicating it.
/// </summary>
public sealed class TelemetryPoint
{
    private readonly List<KeyValuePair<string, string>> _tags = new(4);
    private readonly List<KeyValuePair<string, FieldValue>> _fields = new(6);

    public TelemetryPoint(string measurement, DateTimeOffset timestamp)
    {
        ArgumentException.ThrowIfNullOrEmpty(measurement);

        // A line starting with '#' is a comment to InfluxDB: such a point would vanish silently.
        if (measurement[0] == '#')
        {
            throw new ArgumentException("a measurement name must not start with '#'", nameof(measurement));
        }

        Measurement = measurement;
        Timestamp = timestamp;
    }

    public string Measurement { get; }

    public DateTimeOffset Timestamp { get; }

    /// <summary>Tags in ordinal key order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Tags => _tags;

    /// <summary>Fields in the order they were added.</summary>
    public IReadOnlyList<KeyValuePair<string, FieldValue>> Fields => _fields;

    /// <summary>Sets a tag; a null or empty value is left out because line protocol cannot carry an empty tag value.</summary>
    public TelemetryPoint Tag(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        // Insertion sort: points have a handful of tags, and sorting here keeps encoding free of work.
        var index = 0;
        while (index < _tags.Count && string.CompareOrdinal(_tags[index].Key, key) < 0)
        {
            index++;
        }

        if (index < _tags.Count && _tags[index].Key == key)
        {
            _tags[index] = new(key, value);
        }
        else
        {
            _tags.Insert(index, new(key, value));
        }

        return this;
    }

    public TelemetryPoint Field(string key, FieldValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        for (var i = 0; i < _fields.Count; i++)
        {
            if (_fields[i].Key == key)
            {
                _fields[i] = new(key, value);
                return this;
            }
        }

        _fields.Add(new(key, value));
        return this;
    }

    public TelemetryPoint Field(string key, double value) => Field(key, FieldValue.FromDouble(value));

    public TelemetryPoint Field(string key, long value) => Field(key, FieldValue.FromInt64(value));

    public TelemetryPoint Field(string key, ulong value) => Field(key, FieldValue.FromUInt64(value));

    public TelemetryPoint Field(string key, bool value) => Field(key, FieldValue.FromBoolean(value));

    public TelemetryPoint Field(string key, string value) => Field(key, FieldValue.FromString(value));

    /// <summary>Adds a float field only when a value is known (absent beats a made-up zero).</summary>
    public TelemetryPoint Field(string key, double? value) => value is { } v ? Field(key, FieldValue.FromDouble(v)) : this;
}
