using System.Net;
using System.Text.Json;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Hosting;

/// <summary>
/// The real `gridedge` executable in real time: the status API and dashboard answer, the loop
/// controls, and SIGTERM stops it cleanly. Bounded: each process lives for seconds.
/// </summary>
public sealed class GatewayProcessTests
{
    private static string GatewayDll => Path.Combine(AppContext.BaseDirectory, "gridedge.dll");

    /// <summary>
    /// The demo site in a directory of its own (its telemetry spool lands there) with free ports
    /// for the embedded MQTT broker and the simulated Modbus meters, so tests never collide with a
    /// demo someone is running.
    /// </summary>
    private static PeerProcess StartGateway(int port, params string[] extra)
    {
        var directory = Directory.CreateTempSubdirectory("gridedge-test-").FullName;
        var site = Path.Combine(directory, "demo.yaml");
        var yaml = File.ReadAllText(RepoPaths.DemoSite)
            .Replace("port: 18883", $"port: {Peers.FreeTcpPort()}", StringComparison.Ordinal)
            .Replace("tcp://127.0.0.1:15020", $"tcp://127.0.0.1:{Peers.FreeTcpPort()}", StringComparison.Ordinal);
        File.WriteAllText(site, yaml);
        return PeerProcess.Start("dotnet", [GatewayDll, "run", "--site", site, "--api-url", $"http://127.0.0.1:{port}", .. extra], directory);
    }

    private static async Task<JsonDocument> StatusWhenReady(HttpClient http, int port, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/status"), ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        throw new TimeoutException("the gateway's status API did not answer within 15 s");
    }

    [Fact]
    public async Task Status_api_and_dashboard_answer_while_the_demo_runs()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = Peers.FreeTcpPort();
        await using var gateway = StartGateway(port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };

        using var first = await StatusWhenReady(http, port, ct);
        await Task.Delay(2500, ct);
        using var later = await StatusWhenReady(http, port, ct);
        var status = later.RootElement;

        Assert.Equal("demo", status.GetProperty("site").GetString());
        Assert.False(status.GetProperty("failsafe").GetBoolean());
        Assert.Equal(3, status.GetProperty("grid").GetProperty("phase_currents_a").GetArrayLength());
        // The meters are read over Modbus TCP from the simulation's servers.
        Assert.All(status.GetProperty("meters").EnumerateArray(), m => Assert.True(m.GetProperty("modbus").GetProperty("polls").GetInt64() > 0));
        Assert.Equal(3, status.GetProperty("chargepoints").GetArrayLength());
        Assert.All(status.GetProperty("chargepoints").EnumerateArray(), c =>
        {
            Assert.False(string.IsNullOrEmpty(c.GetProperty("reason").GetString()));
            Assert.True(c.GetProperty("setpoint").TryGetProperty("current_a", out _));
            // Every demo charger is reached over MQTT: its link counters show traffic and no refused payload.
            Assert.True(c.GetProperty("mqtt").GetProperty("messages").GetInt64() > 0);
            Assert.Equal(0, c.GetProperty("mqtt").GetProperty("invalid_payloads").GetInt64());
        });
        // The loop is running: cycles grow between the two reads.
        Assert.True(status.GetProperty("statistics").GetProperty("cycles").GetInt64() > first.RootElement.GetProperty("statistics").GetProperty("cycles").GetInt64());
        // The `now` chargepoint of the demo is charging within seconds.
        var visitor = status.GetProperty("chargepoints").EnumerateArray().Single(c => c.GetProperty("id").GetString() == "visitor");
        Assert.True(visitor.GetProperty("setpoint").GetProperty("current_a").GetDouble() >= 6);

        var dashboard = await http.GetStringAsync(new Uri($"http://127.0.0.1:{port}/"), ct);
        Assert.Contains("/api/status", dashboard, StringComparison.Ordinal);
        using var post = await http.PostAsync(new Uri($"http://127.0.0.1:{port}/api/status"), new StringContent(""), ct);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        using var missing = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/api/nothing"), ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Sigterm_stops_the_gateway_gracefully()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = Peers.FreeTcpPort();
        await using var gateway = StartGateway(port);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var _ = await StatusWhenReady(http, port, ct);

        gateway.Terminate();
        var exit = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(15), ct);

        Assert.True(exit == 0, $"exit {exit}: {gateway.Output}");
        Assert.Contains("Site demo stopped after", gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Duration_run_stops_by_itself_and_prints_the_summary_last()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var gateway = StartGateway(Peers.FreeTcpPort(), "--duration", "3s");

        var exit = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.True(exit == 0, $"exit {exit}: {gateway.Output}");
        var output = gateway.Output;
        var json = output[output.IndexOf("{\n", StringComparison.Ordinal)..];
        using var summary = JsonDocument.Parse(json[..(json.LastIndexOf('}') + 1)]);
        Assert.InRange(summary.RootElement.GetProperty("cycles").GetInt64(), 3, 6);
        Assert.Equal("demo", summary.RootElement.GetProperty("site").GetString());
    }

    [Fact]
    public async Task Port_in_use_is_a_clear_runtime_error()
    {
        var ct = TestContext.Current.CancellationToken;
        using var blocker = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        blocker.Start();
        var port = ((IPEndPoint)blocker.LocalEndpoint).Port;
        await using var gateway = StartGateway(port, "--duration", "5s");

        var exit = await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30), ct);

        Assert.Equal(1, exit);
        Assert.Contains($"api: cannot listen on http://127.0.0.1:{port}/", gateway.Output, StringComparison.Ordinal);
    }
}
