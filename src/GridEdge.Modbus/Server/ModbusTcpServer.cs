using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace GridEdge.Modbus;

/// <summary>
/// A Modbus TCP server (used by the simulator and tests): answers every unit the provider knows;
/// requests to other units get no reply, like an absent device behind a gateway. A client that
/// sends bytes that are not MBAP is dropped; the server and its other clients carry on.
/// </summary>
public sealed class ModbusTcpServer : IAsyncDisposable
{
    private readonly IModbusDataProvider _data;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _maxConnections;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _clients = [];
    private readonly Lock _lock = new();
    private Task? _acceptLoop;

    public ModbusTcpServer(IPEndPoint endPoint, IModbusDataProvider data, TimeProvider time, ILogger logger, int maxConnections = 32)
    {
        _data = data;
        _time = time;
        _logger = logger;
        _maxConnections = maxConnections;
        _listener = new TcpListener(endPoint);
    }

    /// <summary>The port it listens on (useful after binding port 0).</summary>
    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public void Start()
    {
        _listener.Start();
        Log.ServerListening(_logger, _listener.LocalEndpoint.ToString() ?? "");
        _acceptLoop = AcceptAsync(_stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        Task[] running;
        lock (_lock)
        {
            running = [.. _clients, _acceptLoop ?? Task.CompletedTask];
        }

        await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private async Task AcceptAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_lock)
            {
                _clients.RemoveAll(t => t.IsCompleted);
                if (_clients.Count >= _maxConnections)
                {
                    Log.ServerClientRefused(_logger, _maxConnections);
                    client.Dispose();
                    continue;
                }

                client.NoDelay = true;
                _clients.Add(ServeAsync(client, cancellationToken));
            }
        }
    }

    private async Task ServeAsync(TcpClient client, CancellationToken cancellationToken)
    {
        var name = client.Client.RemoteEndPoint?.ToString() ?? "?";
        using var owned = client;
        var stream = client.GetStream();
        var receiver = new FrameReceiver(stream, _time, 4 * ModbusLimits.MaxTcpAduLength);
        try
        {
            while (true)
            {
                var status = Mbap.TryParse(receiver.Data, out var frame, out var consumed);
                if (status == FrameStatus.Invalid)
                {
                    Log.ServerClientDropped(_logger, name, "bytes that are not an MBAP header");
                    return;
                }

                if (status == FrameStatus.NeedMore)
                {
                    await receiver.ReceiveAsync(Timeout.InfiniteTimeSpan, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                receiver.Consume(consumed);
                if (_data.Find(frame.Unit) is { } unit)
                {
                    var reply = ModbusRequestHandler.Handle(unit, frame.Pdu.Span);
                    await stream.WriteAsync(Mbap.Encode(frame.TransactionId, frame.Unit, reply), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (ex is ModbusConnectionException or ModbusFrameException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            Log.ServerClientDropped(_logger, name, ex.Message);
        }
    }
}
