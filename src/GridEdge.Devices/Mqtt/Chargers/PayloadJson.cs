using System.Buffers;
using System.Text.Json;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>Strict, bounded JSON reading of charger payloads: size limit, typed getters with messages that name the key.</summary>
internal static class PayloadJson
{
    /// <summary>No charger state is anywhere near this; larger payloads are refused before parsing.</summary>
    public const int MaxPayloadBytes = 16 * 1024;

    public static JsonDocument Parse(ReadOnlySequence<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            throw new ChargerPayloadException($"payload of {payload.Length} bytes exceeds the {MaxPayloadBytes}-byte limit");
        }

        try
        {
            return JsonDocument.Parse(payload, new JsonDocumentOptions { MaxDepth = 8 });
        }
        catch (JsonException ex)
        {
            throw new ChargerPayloadException("not valid JSON", ex);
        }
    }

    public static JsonElement RequireObject(JsonDocument document) =>
        document.RootElement.ValueKind == JsonValueKind.Object
            ? document.RootElement
            : throw new ChargerPayloadException($"expected a JSON object, got {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");

    public static bool RequiredBool(JsonElement obj, string key) =>
        OptionalBool(obj, key) ?? throw new ChargerPayloadException($"'{key}' is missing");

    public static bool? OptionalBool(JsonElement obj, string key)
    {
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new ChargerPayloadException($"'{key}' must be true or false, got {value.GetRawText()}"),
        };
    }

    public static double RequiredNumber(JsonElement obj, string key) =>
        OptionalNumber(obj, key) ?? throw new ChargerPayloadException($"'{key}' is missing");

    public static double? OptionalNumber(JsonElement obj, string key)
    {
        if (!obj.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return Number(value, key);
    }

    public static double Number(JsonElement value, string what)
    {
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetDouble(out var number) || !double.IsFinite(number))
        {
            throw new ChargerPayloadException($"'{what}' must be a number, got {Shorten(value.GetRawText())}");
        }

        return number;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
