using System.Diagnostics;
using GridEdge.Testing;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>Two connected ptys made by socat: a null-modem cable for RTU tests.</summary>
public sealed class PtyPair : IAsyncDisposable
{
    private readonly PeerProcess _socat;
    private readonly string _directory;

    private PtyPair(PeerProcess socat, string directory, string a, string b)
    {
        _socat = socat;
        _directory = directory;
        A = a;
        B = b;
    }

    /// <summary>The /dev/pts device of one end.</summary>
    public string A { get; }

    /// <summary>The /dev/pts device of the other end.</summary>
    public string B { get; }

    public static async Task<PtyPair> StartAsync(CancellationToken cancellationToken)
    {
        var socat = Peers.Require("socat", "socat");
        var directory = Directory.CreateTempSubdirectory("gridedge-pty-").FullName;
        var a = Path.Combine(directory, "a");
        var b = Path.Combine(directory, "b");
        var process = PeerProcess.Start(socat, ["-d", "-d", $"pty,raw,echo=0,link={a}", $"pty,raw,echo=0,link={b}"], directory);
        var clock = Stopwatch.StartNew();
        while (!(File.Exists(a) && File.Exists(b)))
        {
            if (process.HasExited || clock.Elapsed > TimeSpan.FromSeconds(10))
            {
                var output = process.Output;
                await process.DisposeAsync();
                throw new InvalidOperationException($"socat did not create the pty pair:\n{output}");
            }

            await Task.Delay(20, cancellationToken);
        }

        return new PtyPair(process, directory, Resolve(a), Resolve(b));
    }

    public async ValueTask DisposeAsync()
    {
        await _socat.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private static string Resolve(string link) => File.ResolveLinkTarget(link, returnFinalTarget: true)?.FullName ?? link;
}
