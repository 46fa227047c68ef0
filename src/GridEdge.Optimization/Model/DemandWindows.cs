namespace GridEdge.Optimization.Model;

/// <summary>
/// The wall-clock half hours (:00–:30, :30–:00 of the site's local clock) that the demand charge is
/// measured over. A 30-minute slot is one window; two 15-minute slots form one.
/// </summary>
internal static class DemandWindows
{
    private const long WindowSeconds = 30 * 60;

    /// <summary>Window number of the instant <paramref name="time"/> on its own offset's clock.</summary>
    public static long Of(DateTimeOffset time) =>
        (long)Math.Floor((time.ToUnixTimeSeconds() + time.Offset.TotalSeconds) / WindowSeconds);

    /// <summary>True when <paramref name="time"/> is exactly on a window boundary.</summary>
    public static bool StartsWindow(DateTimeOffset time) =>
        (time.ToUnixTimeSeconds() + (long)time.Offset.TotalSeconds) % WindowSeconds == 0;

    /// <summary>The window of each slot of a horizon.</summary>
    public static long[] OfSlots(DateTimeOffset start, TimeSpan slot, int count)
    {
        var windows = new long[count];
        for (var t = 0; t < count; t++)
        {
            windows[t] = Of(start + (slot * t));
        }

        return windows;
    }
}
