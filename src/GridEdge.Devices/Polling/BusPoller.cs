using GridEdge.Domain.Readings;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Polling;

/// <summary>
/// Polls the devices of one bus, one at a time, each on its own interval. A device that fails is
/// retried with exponential backoff (capped per device; the grid meter at 2 s), so a dead device
/// costs the bus one timeout per backoff period instead of one per interval and the others stay
/// on schedule. A slow bus never blocks another: each bus has its own poller.
/// </summary>
public sealed class BusPoller(IReadOnlyList<PolledDevice> devices, Action<string, Reading<MeterSample>> publish, TimeProvider time, ILogger logger)
{
    public IReadOnlyList<PolledDevice> Devices => devices;

    /// <summary>Polls until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = devices.Min(d => d.NextDue);
            var wait = next - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
            }

            await PollDueAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Polls every device that is due now, earliest first.</summary>
    public async Task PollDueAsync(CancellationToken cancellationToken)
    {
        foreach (var device in devices.Where(d => d.NextDue <= time.GetUtcNow()).OrderBy(d => d.NextDue).ToList())
        {
            await PollAsync(device, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PollAsync(PolledDevice device, CancellationToken cancellationToken)
    {
        var due = device.NextDue;
        try
        {
            var reading = await device.Meter.ReadAsync(cancellationToken).ConfigureAwait(false);
            device.Latest = reading;
            publish(device.Meter.Id, reading);
            if (device.ConsecutiveFailures > 0)
            {
                Log.Recovered(logger, device.Meter.Id, device.ConsecutiveFailures);
            }

            device.ConsecutiveFailures = 0;

            // Keep the phase of the schedule, but never queue up polls missed while the bus was busy.
            var now = time.GetUtcNow();
            var next = due == DateTimeOffset.MinValue ? now + device.Settings.Interval : due + device.Settings.Interval;
            device.NextDue = next > now ? next : now + device.Settings.Interval;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            device.ConsecutiveFailures++;
            var delay = device.Settings.RetryDelay(device.ConsecutiveFailures);
            device.NextDue = time.GetUtcNow() + delay;
            Log.ReadFailed(logger, device.Meter.Id, ModbusErrors.Classify(ex).ToString(), ex.Message);
            Log.BackingOff(logger, device.Meter.Id, delay.TotalMilliseconds, device.ConsecutiveFailures);
        }
    }
}
