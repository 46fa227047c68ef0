using Microsoft.Extensions.Logging;

namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// The newest schedule a feed delivered, parsed. A payload that does not parse leaves the previous
/// schedule in force (a broken upload must not wipe good prices); a payload equal to the last one
/// changes nothing, so a re-delivered retained message or an unchanged URL causes no re-plan.
/// Feeds offer from their own threads; readers see a whole schedule or the one before.
/// </summary>
public sealed class LatestSchedule<T>(string name, Func<TextReader, string, T> parse, ILogger logger) : IScheduleTarget
    where T : class
{
    private readonly Lock _gate = new();
    private string? _text;
    private T? _current;
    private long _version;

    public string Name => name;

    /// <summary>The schedule in force; null until the first one parses.</summary>
    public T? Current => Volatile.Read(ref _current);

    /// <summary>Counts the schedules accepted: the planner re-plans when it moves.</summary>
    public long Version => Interlocked.Read(ref _version);

    public bool Offer(string text, string origin)
    {
        ArgumentNullException.ThrowIfNull(text);
        // A UTF-8 byte order mark survives in MQTT payloads and would hide the first column's name.
        text = text.TrimStart('\uFEFF');
        lock (_gate)
        {
            if (text == _text)
            {
                return true;
            }

            if (text.Length > IScheduleTarget.MaxPayloadChars)
            {
                Log.ScheduleRejected(logger, name, $"{origin}: {text.Length} characters, more than the {IScheduleTarget.MaxPayloadChars} allowed");
                return false;
            }

            T parsed;
            try
            {
                parsed = parse(new StringReader(text), origin);
            }
            catch (PriceFileFormatException ex)
            {
                Log.ScheduleRejected(logger, name, ex.Message);
                return false;
            }

            _text = text;
            Volatile.Write(ref _current, parsed);
            Interlocked.Increment(ref _version);
        }

        Log.ScheduleUpdated(logger, name, origin);
        return true;
    }
}
