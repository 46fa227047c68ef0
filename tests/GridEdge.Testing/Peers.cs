using Xunit;

namespace GridEdge.Testing;

/// <summary>
/// Independent interop peers (mosquitto, influxd, victoria-metrics, pymodbus, mbpoll, socat, cbc).
/// A missing peer skips the test with a message naming the Debian package — or fails it when
/// GRIDEDGE_REQUIRE_PEERS=1 (CI), so a missing install step cannot hide behind a green run.
/// </summary>
public static class Peers
{
    private static readonly string[] SearchDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static bool Required => Environment.GetEnvironmentVariable("GRIDEDGE_REQUIRE_PEERS") == "1";

    /// <summary>Full path of <paramref name="binary"/>, or null when it is not installed.</summary>
    public static string? Find(string binary)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(':', StringSplitOptions.RemoveEmptyEntries).Concat(SearchDirectories))
        {
            var candidate = Path.Combine(dir, binary);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Returns the binary's path, or skips (fails under GRIDEDGE_REQUIRE_PEERS=1) when it is missing.</summary>
    public static string Require(string binary, string debianPackage)
    {
        if (Find(binary) is { } found)
        {
            return found;
        }

        Unavailable($"interop peer '{binary}' not found (apt-get install {debianPackage})");
        return ""; // not reached
    }

    /// <summary>Skips, or fails when peers are required, with <paramref name="reason"/>.</summary>
    public static void Unavailable(string reason)
    {
        if (Required)
        {
            Assert.Fail(reason + "; GRIDEDGE_REQUIRE_PEERS=1 makes this a failure");
        }

        Assert.Skip(reason);
    }

    /// <summary>A TCP port on 127.0.0.1 that was free a moment ago.</summary>
    public static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
