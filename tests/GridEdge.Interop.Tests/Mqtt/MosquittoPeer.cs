using System.Globalization;
using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Mqtt;

/// <summary>
/// A mosquitto broker started by a test on 127.0.0.1 with a generated config (optionally TLS and a
/// password file), bounded in time, stopped (only this process) on dispose. Restartable on the
/// same port to test reconnects.
/// </summary>
internal sealed class MosquittoPeer : IAsyncDisposable
{
    private readonly string _binary;
    private readonly string _config;
    private PeerProcess? _process;

    private MosquittoPeer(string binary, string directory, int port, string config)
    {
        _binary = binary;
        Directory = directory;
        Port = port;
        _config = config;
    }

    public string Directory { get; }

    public int Port { get; }

    public static async Task<MosquittoPeer> StartAsync(CancellationToken cancellationToken, Func<string, string>? extraConfig = null)
    {
        var binary = Peers.Require("mosquitto", "mosquitto");
        var directory = System.IO.Directory.CreateTempSubdirectory("gridedge-mosquitto-").FullName;
        var port = Peers.FreeTcpPort();
        var config = Path.Combine(directory, "mosquitto.conf");
        var lines = string.Create(CultureInfo.InvariantCulture, $"""
            listener {port} 127.0.0.1
            persistence false
            user root
            log_dest stderr
            {extraConfig?.Invoke(directory) ?? "allow_anonymous true"}

            """);
        await File.WriteAllTextAsync(config, lines, cancellationToken);
        var peer = new MosquittoPeer(binary, directory, port, config);
        await peer.StartProcessAsync(cancellationToken);
        return peer;
    }

    /// <summary>Stops the broker gracefully (SIGTERM) and waits for it to exit.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_process is { } process)
        {
            process.Terminate();
            await process.WaitForExitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            await process.DisposeAsync();
            _process = null;
        }
    }

    public Task RestartAsync(CancellationToken cancellationToken) => StartProcessAsync(cancellationToken);

    public string Output => _process?.Output ?? "";

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // Leave the temp directory; nothing else depends on it.
        }
    }

    private async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        _process = PeerProcess.Start(_binary, ["-c", _config]);
        await _process.WaitForTcpAsync(Port, TimeSpan.FromSeconds(15), cancellationToken);
    }
}
