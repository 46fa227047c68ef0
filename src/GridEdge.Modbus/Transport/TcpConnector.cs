using System.Net.Sockets;

namespace GridEdge.Modbus;

/// <summary>Connects a TCP socket with a bounded connect time.</summary>
public sealed class TcpConnector(string host, int port, TimeSpan connectTimeout, TimeProvider time) : IModbusConnector
{
    public string Target => $"{host}:{port}";

    public async ValueTask<ModbusLink> ConnectAsync(CancellationToken cancellationToken)
    {
        var client = new TcpClient { NoDelay = true };
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timer = time.CreateTimer(_ => limit.Cancel(), null, connectTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await client.ConnectAsync(host, port, limit.Token).ConfigureAwait(false);
            return new ModbusLink(client.GetStream(), client);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            client.Dispose();
            throw new ModbusConnectionException($"could not connect to {Target} within {connectTimeout.TotalSeconds:0.###} s");
        }
        catch (SocketException ex)
        {
            client.Dispose();
            throw new ModbusConnectionException($"could not connect to {Target}: {ex.Message}", ex);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }
}
