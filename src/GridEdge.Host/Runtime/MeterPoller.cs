using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// Reads one meter on its own schedule and publishes what it reads into the site state. A failed
/// read publishes nothing: the last reading simply ages until the controller treats it as stale.
/// </summary>
internal sealed class MeterPoller(MeterDefinition definition, IMeter meter, SiteState state, TimeProvider time, ILogger logger)
{
    private DateTimeOffset _nextDue = DateTimeOffset.MinValue;
    private long _reads;
    private long _errors;
    private string? _lastError;

    public MeterDefinition Definition => definition;

    public long Reads => Interlocked.Read(ref _reads);

    public long Errors => Interlocked.Read(ref _errors);

    public string? LastError => Volatile.Read(ref _lastError);

    public async Task PollOnceAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _reads);
        try
        {
            var reading = await meter.ReadAsync(cancellationToken);
            state.Publish(definition.Id, reading);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Interlocked.Increment(ref _errors);
            var previous = Interlocked.Exchange(ref _lastError, ex.Message);
            if (previous != ex.Message)
            {
                Log.MeterReadFailed(logger, definition.Id, ex.Message);
            }

            return;
        }

        Volatile.Write(ref _lastError, null);
    }

    /// <summary>Polls when the meter's interval has passed since the last poll (used by the stepped fast run).</summary>
    public async Task PollIfDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now < _nextDue)
        {
            return;
        }

        _nextDue = now + definition.PollInterval;
        await PollOnceAsync(cancellationToken);
    }

    /// <summary>Polls on the meter's own interval until cancelled (real-time operation).</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(definition.PollInterval, time);
        do
        {
            await PollOnceAsync(cancellationToken);
        }
        while (await timer.WaitForNextTickAsync(cancellationToken));
    }
}
