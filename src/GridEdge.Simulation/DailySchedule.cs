namespace GridEdge.Simulation;

/// <summary>A daily plug-in window from <see cref="Arrive"/> to <see cref="Depart"/>; it spans midnight when Depart is earlier than Arrive.</summary>
internal readonly record struct DailySchedule(TimeOnly Arrive, TimeOnly Depart)
{
    /// <summary>True while the car is home at local <paramref name="time"/>. Arrive = Depart means the car is always home.</summary>
    public bool Contains(TimeOnly time) =>
        Arrive < Depart ? time >= Arrive && time < Depart
        : Arrive > Depart ? time >= Arrive || time < Depart
        : true;

    /// <summary>The local date of the arrival that began the window containing <paramref name="local"/>.</summary>
    public DateOnly SessionDate(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        return TimeOnly.FromDateTime(local) >= Arrive ? date : date.AddDays(-1);
    }

    public DateTime Arrival(DateOnly session) => session.ToDateTime(Arrive);

    public DateTime Departure(DateOnly session) =>
        Depart > Arrive ? session.ToDateTime(Depart) : session.AddDays(1).ToDateTime(Depart);
}
