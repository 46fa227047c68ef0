namespace GridEdge.Optimization.Forecasts;

/// <summary>Where a feed hands the text it fetched (a file's content, an HTTP body, an MQTT payload).</summary>
public interface IScheduleTarget
{
    /// <summary>
    /// Larger payloads (characters; bytes of a file or an HTTP body) are refused: a schedule covers days,
    /// not years, and memory is bounded.
    /// </summary>
    const int MaxPayloadChars = 1024 * 1024;

    /// <summary>Names the schedule in logs, e.g. <c>planning.prices</c>.</summary>
    string Name { get; }

    /// <summary>Parses <paramref name="text"/>; false (logged, previous schedule kept) when it does not parse.</summary>
    bool Offer(string text, string origin);
}
