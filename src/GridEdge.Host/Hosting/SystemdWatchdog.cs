using System.Globalization;
using GridEdge.Host.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;

namespace GridEdge.Host.Hosting;

/// <summary>
/// Pings systemd's watchdog (WatchdogSec= in the unit) at half its period, but only while control
/// cycles keep completing: a hung control loop stops the pings and systemd restarts the service.
/// </summary>
internal sealed class SystemdWatchdog(ISystemdNotifier notifier, SiteRuntime runtime, TimeProvider time, WatchdogPeriod period) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => PingWhileHealthyAsync(stoppingToken);

    /// <summary>The ping loop; returns at once when systemd asked for no watchdog.</summary>
    internal async Task PingWhileHealthyAsync(CancellationToken stoppingToken)
    {
        if (!notifier.IsEnabled || period.Value is not { } watchdog)
        {
            return;
        }

        // A cycle older than this means the loop is stuck (but allow a few slow cycles).
        var maxCycleAge = TimeSpan.FromTicks(Math.Max(watchdog.Ticks / 2, 5 * runtime.Configuration.Site.Control.Interval.Ticks));
        using var timer = new PeriodicTimer(watchdog / 2, time);
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

/// <summary>The systemd watchdog period (WATCHDOG_USEC), or null when systemd set none.</summary>
internal sealed record WatchdogPeriod(TimeSpan? Value)
{
    public static WatchdogPeriod FromEnvironment() => Parse(Environment.GetEnvironmentVariable("WATCHDOG_USEC"));

    public static WatchdogPeriod Parse(string? usec)
    {
        return long.TryParse(usec, NumberStyles.None, CultureInfo.InvariantCulture, out var microseconds) && microseconds > 0
            ? new WatchdogPeriod(TimeSpan.FromMicroseconds(microseconds))
            : new WatchdogPeriod((TimeSpan?)null);
    }
}
