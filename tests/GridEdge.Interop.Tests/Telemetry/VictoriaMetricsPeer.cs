using System.Text.Json;
using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>A real VictoriaMetrics single-node on 127.0.0.1 with its storage in a temporary directory.</summary>
internal sealed class VictoriaMetricsPeer : IAsyncDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly PeerProcess _process;

    private VictoriaMetricsPeer(PeerProcess process, string directory, int port)
    {
        _process = process;
        Directory = directory;
        Port = port;
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static async Task<VictoriaMetricsPeer> StartAsync(CancellationToken cancellationToken)
    {
        var binary = Peers.Require("victoria-metrics", "victoria-metrics");
        var directory = Path.Combine(Path.GetTempPath(), "gridedge-vm-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var port = Peers.FreeTcpPort();
        var process = PeerProcess.Start(binary, [$"-httpListenAddr=127.0.0.1:{port}", $"-storageDataPath={directory}/data", "-loggerLevel=ERROR"], directory);
        var peer = new VictoriaMetricsPeer(process, directory, port);
        await process.WaitForTcpAsync(port, TimeSpan.FromSeconds(30), cancellationToken);
        return peer;
    }

    /// <summary>Every sample of the series matching <paramref name="match"/> (after a flush so fresh writes are visible), one JSON line per series.</summary>
    public async Task<IReadOnlyList<JsonDocument>> ExportAsync(string match, CancellationToken cancellationToken)
    {
        using (await _http.GetAsync(new Uri(Url, "/internal/force_flush"), cancellationToken))
        {
        }

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["match[]"] = match });
        using var response = await _http.PostAsync(new Uri(Url, "/api/v1/export"), content, cancellationToken);
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        return [.. body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line))];
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _http.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
