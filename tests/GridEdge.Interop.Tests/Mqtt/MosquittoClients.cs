using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Mqtt;

/// <summary>mosquitto_pub / mosquitto_sub as independent MQTT clients: they play chargers and observers.</summary>
internal static class MosquittoClients
{
    public static async Task PublishAsync(int port, string topic, string payload, bool retain, CancellationToken cancellationToken)
    {
        var binary = Peers.Require("mosquitto_pub", "mosquitto-clients");
        string[] args = ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-m", payload];
        await using var process = PeerProcess.Start(binary, retain ? [.. args, "-r"] : args);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(10), cancellationToken);
        if (exit != 0)
        {
            throw new InvalidOperationException($"mosquitto_pub exited {exit}: {process.Output}");
        }
    }

    /// <summary>Starts a subscriber printing "retain-flag topic payload" per message (-F '%r %t %p').</summary>
    public static PeerProcess Subscribe(int port, string topic, params string[] extra)
    {
        var binary = Peers.Require("mosquitto_sub", "mosquitto-clients");
        return PeerProcess.Start(binary, ["-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-q", "1", "-t", topic, "-F", "%r %t %p", .. extra]);
    }
}
