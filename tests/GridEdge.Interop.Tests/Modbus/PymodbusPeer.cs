using System.Diagnostics;
using System.Text.Json;
using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>
/// An independent Modbus server: pymodbus's framers, decoder and datastore (Debian's
/// python3-pymodbus on the system python) driven by pymodbus_peer.py, over TCP on 127.0.0.1 or
/// RTU on a pty. It ends by itself after its lifetime; disposing ends it sooner.
/// </summary>
public sealed class PymodbusPeer : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);
    private readonly PeerProcess _process;
    private readonly string _directory;

    private PymodbusPeer(PeerProcess process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Skips (or fails under GRIDEDGE_REQUIRE_PEERS=1) unless the system python has pymodbus.</summary>
    public static void Require()
    {
        if (!File.Exists(Python) || !Imports())
        {
            Peers.Unavailable("interop peer pymodbus not importable by /usr/bin/python3 (apt-get install python3-pymodbus)");
        }
    }

    /// <summary>Serves <paramref name="units"/> (unit → table → address → value) over Modbus TCP.</summary>
    public static async Task<PymodbusPeer> StartTcpAsync(PeerTables units, CancellationToken cancellationToken)
    {
        Require();
        var port = Peers.FreeTcpPort();
        var peer = Start("tcp", port.ToString(System.Globalization.CultureInfo.InvariantCulture), units, port);
        await peer._process.WaitForTcpAsync(port, TimeSpan.FromSeconds(15), cancellationToken);
        return peer;
    }

    /// <summary>Serves <paramref name="units"/> over Modbus RTU on the pty <paramref name="device"/>.</summary>
    public static async Task<PymodbusPeer> StartRtuAsync(string device, PeerTables units, CancellationToken cancellationToken)
    {
        Require();
        var peer = Start("rtu", device, units, 0);
        var clock = Stopwatch.StartNew();
        while (!peer._process.Output.Contains("ready", StringComparison.Ordinal))
        {
            if (peer._process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(15))
            {
                var output = peer._process.Output;
                await peer.DisposeAsync();
                throw new InvalidOperationException($"pymodbus RTU peer did not start:\n{output}");
            }

            await Task.Delay(20, cancellationToken);
        }

        return peer;
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static PymodbusPeer Start(string mode, string target, PeerTables units, int port)
    {
        var directory = Directory.CreateTempSubdirectory("gridedge-pymodbus-").FullName;
        var script = Path.Combine(directory, "pymodbus_peer.py");
        File.Copy(Path.Combine(RepoPaths.Root, "tests", "GridEdge.Interop.Tests", "Modbus", "pymodbus_peer.py"), script);
        var data = Path.Combine(directory, "data.json");
        File.WriteAllText(data, JsonSerializer.Serialize(units.ToJson()));
        var process = PeerProcess.Start(Python, [script, mode, target, data, Lifetime.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)], directory);
        return new PymodbusPeer(process, directory, port);
    }

    private static bool Imports()
    {
        using var check = Process.Start(new ProcessStartInfo(Python, ["-c", "import pymodbus.transaction, pymodbus.datastore, pymodbus.factory"])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        });
        if (check is null || !check.WaitForExit(15_000))
        {
            return false;
        }

        return check.ExitCode == 0;
    }
}
