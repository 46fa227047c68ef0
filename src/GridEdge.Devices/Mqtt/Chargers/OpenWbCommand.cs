using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// openWB 2.x command payloads for a chargepoint run in secondary mode ("Nur Ladepunkt", the
/// gateway acting as its primary): a current in amperes for <c>data/set_current</c>, the phase
/// count for <c>data/phases_to_use</c>, and the primary's heartbeat for
/// <c>internal_chargepoint/global_data</c>, without which openWB stops charging after 80 s.
/// </summary>
public static class OpenWbCommand
{
    /// <summary>openWB stops charging when the primary's heartbeat is older than this.</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromSeconds(80);

    /// <summary>
    /// The current to set, rounded down to <paramref name="step"/> (and to 0.01 A): "0" stops.
    /// openWB takes a current only; a power setpoint is sent as its per-phase current.
    /// </summary>
    public static string SetCurrent(Setpoint setpoint, Current step)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        return Amperes(setpoint, step).ToString("0.##", CultureInfo.InvariantCulture);
    }

    /// <summary>The amperes <see cref="SetCurrent"/> encodes, for matching openWB's echo.</summary>
    public static double Amperes(Setpoint setpoint, Current step)
    {
        ArgumentNullException.ThrowIfNull(setpoint);
        return setpoint.IsStop ? 0 : Math.Round(setpoint.Current.FloorTo(step).Amperes, 2);
    }

    public static string Phases(int phases) =>
        phases is 1 or 3
            ? phases.ToString(CultureInfo.InvariantCulture)
            : throw new ArgumentOutOfRangeException(nameof(phases), phases, "openWB switches between 1 and 3 phases");

    /// <summary><c>{"heartbeat":&lt;unix seconds&gt;,"parent_ip":null}</c>: no parent address, so openWB does not push its values anywhere else.</summary>
    public static string Heartbeat(DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"heartbeat":{{now.ToUnixTimeSeconds()}},"parent_ip":null}""");
}
