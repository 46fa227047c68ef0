using System.Text.Json.Nodes;

namespace GridEdge.Host.Cli;

/// <summary>Numbers in the `modbus` verbs' JSON.</summary>
internal static class ModbusJsonNumbers
{
    /// <summary>Rounded to 6 decimals (float32 noise); NaN and infinities are not JSON numbers and print as null.</summary>
    public static JsonNode? Of(double value) => double.IsFinite(value) ? JsonValue.Create(Math.Round(value, 6)) : null;
}
