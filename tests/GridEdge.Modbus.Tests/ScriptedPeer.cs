using System.Net;
using System.Net.Sockets;

namespace GridEdge.Modbus.Tests;

/// <summary>
/// A TCP peer on 127.0.0.1 whose behaviour per accepted connection is a script: it can answer
/// with wrong transaction ids, garbage, late replies, split writes — what a real server won't.
/// </summary>
internal sealed class ScriptedPeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public ScriptedPeer(Func<int, NetworkStream, CancellationToken, Task> script)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            var serving = new List<Task>();
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
                {
                    break;
                }

                var index = Interlocked.Increment(ref _connections);
                serving.Add(Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await script(index, client.GetStream(), _stop.Token);
                        }
                        catch (Exception ex) when (ex is IOException or OperationCanceledException or ObjectDisposedException)
                        {
                            // The client went away or the test ended.
                        }
                    }
                }));
            }

            await Task.WhenAll(serving);
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Reads one MBAP request (header then body).</summary>
    public static async Task<(ushort TransactionId, byte Unit, byte[] Pdu)> ReadRequestAsync(Stream stream, CancellationToken cancellationToken)
    {
        var header = new byte[7];
        await stream.ReadExactlyAsync(header, cancellationToken);
        var pdu = new byte[((header[4] << 8) | header[5]) - 1];
        await stream.ReadExactlyAsync(pdu, cancellationToken);
        return ((ushort)((header[0] << 8) | header[1]), header[6], pdu);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}
