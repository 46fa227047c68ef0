using System.Buffers;
using System.Text.Json;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// One openWB 2.x topic value: openWB publishes every value JSON-encoded on its own topic
/// (<c>16.0</c>, <c>true</c>, <c>[10.1, 10.0, 9.9]</c>, <c>"text"</c>). Strict typed reads whose
/// messages name the key; the size limit of <see cref="PayloadJson"/> applies.
/// </summary>
internal static class OpenWbValue
{
    public static double Number(string key, ReadOnlySequence<byte> payload, double min = double.MinValue, double max = double.MaxValue)
    {
        using var document = PayloadJson.Parse(payload);
        var value = PayloadJson.Number(document.RootElement, key);
        if (value >= min && value <= max)
        {
            return value;
        }

        throw new ChargerPayloadException(max == double.MaxValue
            ? FormattableString.Invariant($"'{key}' must be ≥ {min:0.##}, got {value:0.###}")
            : FormattableString.Invariant($"'{key}' must be within {min:0.##}–{max:0.##}, got {value:0.###}"));
    }

    public static int Integer(string key, ReadOnlySequence<byte> payload, int min, int max)
    {
        var value = Number(key, payload);
        return value == Math.Floor(value) && value >= min && value <= max
            ? (int)value
            : throw new ChargerPayloadException(FormattableString.Invariant($"'{key}' must be an integer {min}–{max}, got {value:0.###}"));
    }

    public static bool Bool(string key, ReadOnlySequence<byte> payload)
    {
        using var document = PayloadJson.Parse(payload);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ChargerPayloadException($"'{key}' must be true or false, got {Shorten(document.RootElement.GetRawText())}"),
        };
    }

    /// <summary>A JSON string, or null for JSON null.</summary>
    public static string? Text(string key, ReadOnlySequence<byte> payload)
    {
        using var document = PayloadJson.Parse(payload);
        return document.RootElement.ValueKind switch
        {
            JsonValueKind.String => document.RootElement.GetString(),
            JsonValueKind.Null => null,
            _ => throw new ChargerPayloadException($"'{key}' must be a string, got {Shorten(document.RootElement.GetRawText())}"),
        };
    }

    /// <summary>A JSON array of exactly <paramref name="count"/> numbers (openWB: one per phase).</summary>
    public static double[] Numbers(string key, ReadOnlySequence<byte> payload, int count)
    {
        using var document = PayloadJson.Parse(payload);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array || root.GetArrayLength() != count)
        {
            throw new ChargerPayloadException($"'{key}' must be an array of {count} numbers, got {Shorten(root.GetRawText())}");
        }

        return [.. root.EnumerateArray().Select((e, i) => PayloadJson.Number(e, $"{key}[{i}]"))];
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
