using System.CommandLine;
using System.Text.Json;
using GridEdge.Host.Configuration;
using GridEdge.Host.Hosting;
using GridEdge.Host.Runtime;
using GridEdge.Host.Status;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Cli;

/// <summary>`gridedge run [--site FILE] [--duration T] [--fast] [--api-url URL]`.</summary>
internal static class RunCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var site = new Option<string?>("--site") { Description = "Site file (default: the built-in demo, firmware-config/sites/demo.yaml)" };
        var duration = DurationOption.Create("--duration", "Stop by itself after this time and print the run summary as JSON");
        var fast = new Option<bool>("--fast") { Description = "Simulated sites only: run simulated time as fast as the machine can (needs --duration); no API" };
        var apiUrl = new Option<Uri?>("--api-url")
        {
            Description = "Where the status API and dashboard listen, e.g. http://127.0.0.1:8080 (overrides api.url of the site file)",
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
                {
                    return uri;
                }

                result.AddError($"--api-url: '{text}' is not an absolute http:// or https:// URL");
                return null;
            },
        };
        var command = new Command("run", "Runs the gateway on a site: reads meters, controls chargepoints, serves the status API and dashboard.")
        {
            site, duration, fast, apiUrl,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new RunRequest(parse.GetValue(site), parse.GetValue(duration), parse.GetValue(fast), parse.GetValue(apiUrl)),
            stdout,
            stderr,
            cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(RunRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var path = request.SitePath ?? DefaultSite.Path();
        var load = SiteConfigLoader.Load(path);
        if (!load.Succeeded)
        {
            foreach (var error in load.Errors)
            {
                await stderr.WriteLineAsync(error.ToString());
            }

            return ExitCodes.UsageError;
        }

        var configuration = load.Configuration;
        if (request.ApiUrl is { } url)
        {
            configuration = configuration with { Api = configuration.Api with { Url = url } };
        }

        if (request.Fast)
        {
            if (request.Duration is not { } duration)
            {
                await stderr.WriteLineAsync("gridedge run: --fast needs --duration (simulated time has to end somewhere)");
                return ExitCodes.UsageError;
            }

            return await FastRun.RunAsync(configuration, duration, stdout, stderr, cancellationToken);
        }

        return await RealTimeRun.RunAsync(configuration, request.Duration, stdout, stderr, cancellationToken);
    }

    internal static async Task<bool> ReportDeviceProblemsAsync(IReadOnlyList<string> problems, string sourcePath, TextWriter stderr)
    {
        foreach (var problem in problems)
        {
            await stderr.WriteLineAsync($"{sourcePath}: {problem}");
        }

        return problems.Count > 0;
    }

    internal static async Task WriteSummaryAsync(RunSummary summary, TextWriter stdout)
    {
        await stdout.WriteLineAsync(JsonSerializer.Serialize(summary, JsonOutput.Indented));
        await stdout.FlushAsync();
    }

    /// <summary>Console logging on stderr, one line per entry; the journal's format when systemd runs us.</summary>
    internal static ILoggerFactory CreateLoggerFactory(LogLevel minimum) => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(minimum).AddFilter("Microsoft", LogLevel.Warning);
        if (SystemdHelpers.IsSystemdService())
        {
            builder.AddSystemdConsole();
        }
        else
        {
            builder.AddSimpleConsole(o => o.SingleLine = true);
        }

        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });
}

/// <summary>The parsed options of `gridedge run`.</summary>
internal sealed record RunRequest(string? SitePath, TimeSpan? Duration, bool Fast, Uri? ApiUrl);
