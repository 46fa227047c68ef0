using System.Globalization;
using System.Text.Json;
using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>
/// A real InfluxDB 1.x (Debian's influxd) on 127.0.0.1 with its config, meta, data and WAL in a
/// temporary directory. Can be stopped and started again on the same port and data (for outage tests).
/// </summary>
internal sealed class InfluxdPeer : IAsyncDisposable
{
    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);
    private readonly string _binary;
    private readonly string _config;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private PeerProcess? _process;

    private InfluxdPeer(string binary, string directory, int port)
    {
        _binary = binary;
        Directory = directory;
        Port = port;
        _config = Path.Combine(directory, "influxd.conf");
        var rpcPort = Peers.FreeTcpPort();
        File.WriteAllText(_config, string.Create(CultureInfo.InvariantCulture, $"""
            reporting-disabled = true
            bind-address = "127.0.0.1:{rpcPort}"
            [meta]
              dir = "{directory}/meta"
            [data]
              dir = "{directory}/data"
              wal-dir = "{directory}/wal"
              query-log-enabled = false
            [http]
              bind-address = "127.0.0.1:{port}"
              auth-enabled = false
              log-enabled = false
            [monitor]
              store-enabled = false
            [continuous_queries]
              enabled = false
            """));
    }

    public string Directory { get; }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}");

    public static async Task<InfluxdPeer> StartAsync(string database, CancellationToken cancellationToken)
    {
        var binary = Peers.Require("influxd", "influxdb");
        var directory = Path.Combine(Path.GetTempPath(), "gridedge-influxd-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var peer = new InfluxdPeer(binary, directory, Peers.FreeTcpPort());
        await peer.StartProcessAsync(cancellationToken);
        await peer.QueryAsync($"CREATE DATABASE \"{database}\"", null, cancellationToken);
        return peer;
    }

    public async Task StartProcessAsync(CancellationToken cancellationToken)
    {
        _process = PeerProcess.Start(_binary, ["-config", _config], Directory);
        await _process.WaitForTcpAsync(Port, StartLimit, cancellationToken);

        // The port opens a moment before the HTTP API answers.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var ping = await _http.GetAsync(new Uri(Url, "/ping"), cancellationToken);
                if (ping.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    public async Task StopProcessAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
            _process = null;
        }
    }

    /// <summary>Runs InfluxQL and returns the parsed JSON answer; timestamps as integer nanoseconds.</summary>
    public async Task<JsonDocument> QueryAsync(string query, string? database, CancellationToken cancellationToken)
    {
        var form = new Dictionary<string, string> { ["q"] = query, ["epoch"] = "ns" };
        if (database is not null)
        {
            form["db"] = database;
        }

        using var content = new FormUrlEncodedContent(form);
        using var response = await _http.PostAsync(new Uri(Url, "/query"), content, cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode || body.Contains("\"error\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"influxd query '{query}' failed: {(int)response.StatusCode} {body}");
        }

        return JsonDocument.Parse(body);
    }

    public async ValueTask DisposeAsync()
    {
        await StopProcessAsync();
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
