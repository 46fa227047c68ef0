using GridEdge.Host.Configuration;
using GridEdge.Host.Hosting;
using GridEdge.Host.Mqtt;
using GridEdge.Host.Planning;
using GridEdge.Host.Runtime;
using GridEdge.Host.Status;
using GridEdge.Telemetry.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Cli;

/// <summary>`run` in real time: the Generic Host with the control loop, pollers, systemd integration and the status API.</summary>
internal static class RealTimeRun
{
    public static async Task<int> RunAsync(SiteConfiguration configuration, TimeSpan? duration, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddSystemd();
        builder.WebHost.UseUrls(configuration.Api.Url.ToString());

        // One logger factory for everything, created before the host because devices and telemetry are:
        // the host, ASP.NET and the gateway all log through it (journal format under systemd).
        using var loggers = RunCommand.CreateLoggerFactory(LogLevel.Information);
        builder.Services.AddSingleton(loggers);
        await using var devices = SiteDevices.Create(configuration, time, out var problems, loggers, inProcess: false);
        if (await RunCommand.ReportDeviceProblemsAsync(problems, configuration.SourcePath, stderr))
        {
            return ExitCodes.UsageError;
        }

        await using var telemetry = new TelemetryPipeline(
            TelemetryOptionsFactory.Create(configuration.Telemetry, Environment.GetEnvironmentVariable),
            time,
            loggers.CreateLogger("GridEdge.Telemetry"));
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton(telemetry);
        var overrides = new VehicleOverrides();
        var api = devices.ApiConnection is { } apiConnection ? new MqttSiteApi(configuration, apiConnection, time, overrides) : null;
        builder.Services.AddSingleton(sp => new SiteRuntime(configuration, devices, time, sp.GetRequiredService<ILoggerFactory>().CreateLogger("GridEdge.Site"), telemetry, api, overrides: overrides));
        builder.Services.AddHostedService<TelemetryService>();
        builder.Services.AddSingleton(new RunOptions(duration));
        builder.Services.AddHostedService<GatewayService>();
        if (SystemdHelpers.IsSystemdService())
        {
            builder.Services.AddSingleton(WatchdogPeriod.FromEnvironment());
            builder.Services.AddHostedService<SystemdWatchdog>();
        }

        await using var app = builder.Build();
        app.MapGet("/api/status", (SiteRuntime r) => r.Status is { } status
            ? Results.Json(status, JsonOutput.Options)
            : Results.Json(new { status = "starting" }, JsonOutput.Options, statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));

        try
        {
            await devices.StartAsync(cancellationToken);
            if (api is not null)
            {
                await api.StartAsync(cancellationToken);
            }
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            await stderr.WriteLineAsync($"mqtt: cannot start the embedded broker: {ex.Message}");
            return ExitCodes.RuntimeFailure;
        }

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await stderr.WriteLineAsync($"api: cannot listen on {configuration.Api.Url}: {ex.Message} (choose another with --api-url or api.url)");
            return ExitCodes.RuntimeFailure;
        }

        Log.Listening(app.Services.GetRequiredService<ILogger<GatewayService>>(), configuration.Api.Url.ToString());
        await app.WaitForShutdownAsync(cancellationToken);
        await app.StopAsync(CancellationToken.None);
        await telemetry.DrainQueueAsync();
        if (duration is not null)
        {
            await RunCommand.WriteSummaryAsync(app.Services.GetRequiredService<SiteRuntime>().Summary(), stdout);
        }

        return ExitCodes.Success;
    }
}
