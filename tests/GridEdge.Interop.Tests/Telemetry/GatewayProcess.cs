using System.Globalization;
using System.Text.Json;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>
/// The real <c>gridedge</c> executable (gridedge.dll beside the test binaries) running
/// <c>gridedge run</c> on a copy of the demo site with free ports, in a working directory of the
/// test's own, so that its spool (<c>./spool</c>) is private. Ended by SIGKILL (<see cref="KillAsync"/>)
/// or SIGTERM (<see cref="StopAsync"/>), never by name.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(20);
    private readonly PeerProcess _process;

    private GatewayProcess(PeerProcess process)
    {
        _process = process;
    }

    public string Output => _process.Output;

    /// <summary>Writes a fresh site file (new ports each start) into <paramref name="workingDirectory"/>, starts the gateway and waits for its API.</summary>
    public static async Task<GatewayProcess> StartAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        var gateway = Path.Combine(AppContext.BaseDirectory, "gridedge.dll");
        Assert.True(File.Exists(gateway), $"{gateway} missing: GridEdge.Interop.Tests needs its ProjectReference to GridEdge.Host");
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : Peers.Find("dotnet") ?? "dotnet";
        var apiPort = Peers.FreeTcpPort();
        var site = Path.Combine(workingDirectory, "site.yaml");
        var text = (await File.ReadAllTextAsync(RepoPaths.DemoSite, cancellationToken))
            .Replace("port: 18883", "port: " + Peers.FreeTcpPort().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("tcp://127.0.0.1:15020", "tcp://127.0.0.1:" + Peers.FreeTcpPort().ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await File.WriteAllTextAsync(site, text, cancellationToken);

        // --duration only makes the gateway print its summary on exit; SIGTERM ends it long before.
        var process = PeerProcess.Start(
            dotnet,
            [gateway, "run", "--site", site, "--duration", "10m", "--api-url", $"http://127.0.0.1:{apiPort}"],
            workingDirectory,
            environment);
        var started = new GatewayProcess(process);
        await process.WaitForTcpAsync(apiPort, StartLimit, cancellationToken);
        return started;
    }

    /// <summary>SIGKILL: no graceful stop, no final spool drain, no summary.</summary>
    public async Task KillAsync() => await _process.DisposeAsync();

    /// <summary>SIGTERM, then waits for the exit and returns the run summary's <c>telemetry</c> object.</summary>
    public async Task<JsonElement> StopAsync(CancellationToken cancellationToken)
    {
        _process.Terminate();
        var exitCode = await _process.WaitForExitAsync(TimeSpan.FromSeconds(20), cancellationToken);
        Assert.True(exitCode == 0, $"gridedge exited with {exitCode}:\n{Output}");

        // Output interleaves stderr log lines ("info: …", one per line) with the indented JSON summary on stdout.
        var lines = Output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = lines.FindLastIndex(l => l == "{");
        Assert.True(start >= 0, "no run summary in the output:\n" + Output);
        var json = string.Join('\n', lines.Skip(start).Where(l => l.Length > 0 && (l[0] is '{' or '}' or ' ')));
        using var summary = JsonDocument.Parse(json);
        return summary.RootElement.GetProperty("telemetry").Clone();
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
