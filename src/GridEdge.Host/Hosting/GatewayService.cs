using GridEdge.Host.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Hosting;

/// <summary>
/// Runs the site in real time: one poller task per meter, the control loop on the site's interval,
/// and a stop after <c>--duration</c> when one was given.
/// </summary>
internal sealed class GatewayService(
    SiteRuntime runtime,
    RunOptions options,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<GatewayService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var site = runtime.Configuration.Site;
        var interval = site.Control.Interval;
        Log.SiteStarted(logger, site.Id, site.Meters.Count, site.ChargePoints.Count, interval.TotalMilliseconds);
        var started = time.GetUtcNow();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        await runtime.AdvanceSimulationAsync(stop.Token);

        // One read of every meter before the first cycle, so control does not start in fail-safe.
        await Task.WhenAll(runtime.Pollers.Select(p => p.PollOnceAsync(stop.Token)));
        var pollers = runtime.Pollers.Select(p => p.RunAsync(stop.Token))
            .Append(runtime.PlanningInputs?.RunAsync(stop.Token) ?? Task.CompletedTask)
            .ToArray();
        long cycles = 0;
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            do
            {
                try
                {
                    await runtime.AdvanceSimulationAsync(stop.Token);
                    await runtime.CycleAsync(stop.Token);
                    cycles++;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A bug in one cycle must not end control: the next cycle starts from fresh readings.
                    Log.CycleFailed(logger, ex);
                }

                if (options.Duration is { } duration && time.GetUtcNow() - started >= duration)
                {
                    lifetime.StopApplication();
                    break;
                }
            }
            while (await timer.WaitForNextTickAsync(stop.Token));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            await runtime.SendSafeValuesAsync(TimeSpan.FromSeconds(3));
            await stop.CancelAsync();
            await Task.WhenAll(pollers.Select(p => p.ContinueWith(_ => { }, TaskScheduler.Default)));
            Log.SiteStopped(logger, site.Id, cycles);
        }
    }
}
