namespace GridEdge.Host.Planning;

/// <summary>Slot boundaries on the wall clock (:00, :15, :30 …), the same in every time zone with whole-quarter offsets.</summary>
internal static class SlotClock
{
    public static DateTimeOffset Floor(DateTimeOffset time, TimeSpan slot) =>
        new(time.UtcTicks - (time.UtcTicks % slot.Ticks), TimeSpan.Zero);
}
