namespace GridEdge.Simulation;

/// <summary>
/// The simulated site's local clock: real (provider) time shifted by a fixed offset when the
/// settings ask the simulation to start at a given time of day, seen in the site's time zone.
/// </summary>
internal sealed class SiteClock(TimeZoneInfo timeZone)
{
    /// <summary>Simulated minus real time.</summary>
    public TimeSpan Offset { get; private set; }

    /// <summary>Fixes the offset so that <paramref name="now"/> shows as <paramref name="startTime"/> (local) today.</summary>
    public void Start(DateTimeOffset now, TimeOnly? startTime)
    {
        Offset = TimeSpan.Zero;
        if (startTime is { } start)
        {
            var local = Local(now);
            Offset = local.Date + start.ToTimeSpan() - local;
        }
    }

    /// <summary>The simulated local wall-clock time at real instant <paramref name="now"/>.</summary>
    public DateTime Local(DateTimeOffset now) => TimeZoneInfo.ConvertTime(now + Offset, timeZone).DateTime;

    /// <summary>Simulated seconds since the Unix epoch at real instant <paramref name="now"/>: the time axis of the random processes.</summary>
    public double Seconds(DateTimeOffset now) =>
        ((now + Offset).UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (double)TimeSpan.TicksPerSecond;

    /// <summary>
    /// The real instant at which the simulated local clock shows <paramref name="local"/>, in the
    /// site's offset. A time skipped by a daylight-saving change maps to the jump; a repeated time to
    /// its first occurrence.
    /// </summary>
    public DateTimeOffset FromLocal(DateTime local)
    {
        var wallClock = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (timeZone.IsInvalidTime(wallClock))
        {
            wallClock = wallClock.AddMinutes(1);
        }

        var offset = timeZone.IsAmbiguousTime(wallClock)
            ? timeZone.GetAmbiguousTimeOffsets(wallClock).Max()
            : timeZone.GetUtcOffset(wallClock);
        var utc = new DateTimeOffset(wallClock - offset, TimeSpan.Zero);
        return TimeZoneInfo.ConvertTime(utc - Offset, timeZone);
    }
}
