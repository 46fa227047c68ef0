using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// EVerest API module commands for one setpoint, in the order they are to be published on
/// <c>everest_api/&lt;connector&gt;/cmd/&lt;command&gt;</c>: a current limit (<c>set_limit_amps</c>, A,
/// rounded down to the current step) or a power limit (<c>set_limit_watts</c>, W, negative to
/// discharge on bidirectional hardware), then <c>resume_charging</c> when charging was paused;
/// a stop is a zero current limit and <c>pause_charging</c>. The API module has no phase command
/// and no expiry: EVerest's energy manager picks the phases, the gateway refreshes the limit.
/// </summary>
public static class EverestCommand
{
    /// <summary>Payload of pause/resume: the API module accepts any.</summary>
    public const string Trigger = "1";

    public static IReadOnlyList<(string Command, string Payload)> Encode(Setpoint setpoint, Current step, bool resume)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        if (setpoint.IsStop)
        {
            return [("set_limit_amps", "0"), ("pause_charging", Trigger)];
        }

        (string, string) limit = setpoint.Kind == SetpointKind.Power
            ? ("set_limit_watts", Math.Round(setpoint.Power.Watts, 1).ToString("0.#", CultureInfo.InvariantCulture))
            : ("set_limit_amps", Amperes(setpoint, step).ToString("0.##", CultureInfo.InvariantCulture));
        return resume ? [limit, ("resume_charging", Trigger)] : [limit];
    }

    /// <summary>The current limit a current setpoint is sent as (0 for a stop).</summary>
    public static double Amperes(Setpoint setpoint, Current step)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        return setpoint.IsStop ? 0 : Math.Round(setpoint.Current.FloorTo(step).Amperes, 2);
    }
}
