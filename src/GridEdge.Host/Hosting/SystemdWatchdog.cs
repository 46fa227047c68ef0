using System.Globalization;
using GridEdge.Host.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace GridEdge.Host.Hosting;

/// <summary>
/// Pings systemd's watchdog (WatchdogSec= in the unit) at half its period, but only while control
/// cycles keep completing: a hung control loop stops the pings and systemd restarts the service.
/// </summary>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, SiteRuntime runtime, TimeProvider time) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var usec = Environment.GetEnvironmentVariable("WATCHDOG_USEC");
        if (!notifier.IsEnabled || !long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) || microseconds <= 0)
        {
            return;
        }

        var period = TimeSpan.FromMicroseconds(microseconds);
        var maxCycleAge = TimeSpan.FromTicks(Math.Max(period.Ticks / 2, 5 * runtime.Configuration.Site.Control.Interval.Ticks));
        using var timer = new PeriodicTimer(period / 2, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var last = runtime.LastCycleTimestamp;
                if (last != 0 && time.GetElapsedTime(last) <= maxCycleAge)
                {
                    notifier.Notify(Ping);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }
}
