using System.Text.Json;
using GridEdge.Domain.Control;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>The generic JSON contract, command side: <c>{"current_a"|"power_w","phases","expires_s"}</c>.</summary>
public static class GenericChargerCommand
{
    public static byte[] Encode(Setpoint setpoint, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        var expires = Math.Max(1, (int)Math.Ceiling((setpoint.ExpiresAt - now).TotalSeconds));
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (setpoint.Kind == SetpointKind.Power)
            {
                json.WriteNumber("power_w", Math.Round(setpoint.Power.Watts, 1));
            }
            else
            {
                json.WriteNumber("current_a", Math.Round(setpoint.Current.Amperes, 2));
            }

            json.WriteNumber("phases", setpoint.Phases);
            json.WriteNumber("expires_s", expires);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
