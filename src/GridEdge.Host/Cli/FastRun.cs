using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Cli;

/// <summary>
/// `run --fast`: a simulated site on stepped time, one control interval per step, as fast as the
/// machine computes — a simulated day in seconds, same code path as real time.
/// </summary>
internal static class FastRun
{
    public static async Task<int> RunAsync(SiteConfiguration configuration, TimeSpan duration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var loggers = RunCommand.CreateLoggerFactory(LogLevel.Warning);
        var result = await SimulateAsync(configuration, duration, loggers.CreateLogger("gridedge"), cancellationToken);
        if (await RunCommand.ReportDeviceProblemsAsync(result.Problems, configuration.SourcePath, stderr))
        {
            return ExitCodes.UsageError;
        }

        await RunCommand.WriteSummaryAsync(result.Summary!, stdout);
        return ExitCodes.Success;
    }

    /// <summary>Runs the site for <paramref name="duration"/> of simulated time and returns the summary.</summary>
    public static async Task<SimulatedRun> SimulateAsync(SiteConfiguration configuration, TimeSpan duration, ILogger logger, CancellationToken cancellationToken)
    {
        var site = configuration.Site;
        var time = new SteppedTimeProvider(Start(configuration, TimeProvider.System.GetUtcNow()));
        var devices = SiteDevices.Create(configuration, time, out var problems, inProcess: true);
        if (problems.Count > 0 || devices.Simulation is null)
        {
            return new SimulatedRun(null, problems.Count > 0 ? problems : ["--fast needs a simulated site (a `simulation:` section)"], null);
        }

        var runtime = new SiteRuntime(configuration, devices, time, logger, planSynchronously: true);
        if (runtime.PlanningInputs is { } inputs)
        {
            // Stepped time does not wait for feeds: prices and forecast as they are now, for the whole run.
            await inputs.LoadAsync(cancellationToken);
        }

        var end = time.GetUtcNow() + duration;
        while (time.GetUtcNow() <= end)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await runtime.StepAsync(cancellationToken);
            time.Advance(site.Control.Interval);
        }

        return new SimulatedRun(runtime.Summary(), [], runtime);
    }

    /// <summary>
    /// Stepped time starts today at the simulation's start time (site-local), so the gateway's
    /// clock and the simulated one agree: tariff windows, departures and plans line up.
    /// </summary>
    internal static DateTimeOffset Start(SiteConfiguration configuration, DateTimeOffset now)
    {
        if (configuration.Simulation?.StartTime is not { } startTime)
        {
            return now;
        }

        var zone = configuration.Site.TimeZone;
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime).ToDateTime(startTime);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}

/// <summary>Outcome of a fast simulated run: the summary, or why the site could not be simulated.</summary>
internal sealed record SimulatedRun(RunSummary? Summary, IReadOnlyList<string> Problems, SiteRuntime? Runtime);
