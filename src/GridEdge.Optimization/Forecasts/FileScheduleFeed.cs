using Microsoft.Extensions.Logging;

namespace GridEdge.Optimization.Forecasts;

/// <summary>
/// A schedule in a file, read again whenever its time stamp or length changes (checked every
/// <see cref="CheckEvery"/>). Polling, not a file watcher: it sees a file replaced by rename, on any
/// file system, and runs on the injected clock. A missing or unreadable file keeps the schedule in force.
/// </summary>
public sealed class FileScheduleFeed(string path, IScheduleTarget target, TimeProvider time, ILogger logger) : ScheduleFeed(time)
{
    public static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(10);

    private (DateTime Written, long Length)? _seen;
    private bool _accepted;
    private string? _lastFailure;

    public override async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var before = Stamp();
        if (before is null)
        {
            Fail("file not found");
            return false;
        }

        if (before == _seen)
        {
            return _accepted;
        }

        if (before.Value.Length > IScheduleTarget.MaxPayloadChars)
        {
            Fail($"{before.Value.Length} bytes, more than the {IScheduleTarget.MaxPayloadChars} allowed");
            return false;
        }

        string text;
        try
        {
            text = await File.ReadAllTextAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(ex.Message);
            return false;
        }

        _lastFailure = null;
        // Written to while we read: read it again at the next check.
        _seen = Stamp() == before ? before : null;
        _accepted = target.Offer(text, path);
        return _accepted;
    }

    protected override TimeSpan WaitAfter(bool succeeded) => CheckEvery;

    private (DateTime Written, long Length)? Stamp()
    {
        var info = new FileInfo(path);
        return info.Exists ? (info.LastWriteTimeUtc, info.Length) : null;
    }

    /// <summary>Logs a failure once, not at every check while it lasts.</summary>
    private void Fail(string error)
    {
        _seen = null;
        if (error != _lastFailure)
        {
            _lastFailure = error;
            Log.ScheduleFetchFailed(logger, target.Name, path, error);
        }
    }
}
