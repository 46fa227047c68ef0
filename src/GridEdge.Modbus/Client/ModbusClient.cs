using Microsoft.Extensions.Logging;

namespace GridEdge.Modbus;

/// <summary>
/// The client of one bus. Requests are serialised (one master, one request at a time), each
/// with its own timeout; the connection is opened on demand, reopened after a loss with a capped
/// exponential backoff, and replaced when it sat idle long enough for the server to drop it.
/// </summary>
public sealed class ModbusClient : IModbusClient, IDisposable
{
    private readonly IModbusConnector _connector;
    private readonly IModbusFramer _framer;
    private readonly ModbusClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ModbusLink? _link;
    private FrameReceiver? _receiver;
    private long _lastActivity;
    private int _connectFailures;
    private long _nextConnectAttempt;

    internal ModbusClient(IModbusConnector connector, IModbusFramer framer, int capacity, ModbusClientOptions options, TimeProvider time, ILogger logger)
    {
        _connector = connector;
        _framer = framer;
        _capacity = capacity;
        _options = options;
        _time = time;
        _logger = logger;
    }

    public string Target => _connector.Target;

    /// <summary>A client for <paramref name="endpoint"/> with the framing its scheme implies.</summary>
    public static ModbusClient Create(ModbusEndpoint endpoint, ModbusClientOptions options, TimeProvider time, ILogger logger)
    {
        IModbusConnector connector = endpoint.Kind == ModbusTransportKind.Rtu
            ? new SerialConnector(endpoint.Serial!)
            : new TcpConnector(endpoint.Host, endpoint.Port, options.ConnectTimeout, time);
        if (endpoint.Kind == ModbusTransportKind.Tcp)
        {
            return new ModbusClient(connector, new MbapFramer(time, logger), 4 * ModbusLimits.MaxTcpAduLength, options, time, logger);
        }

        // Through a TCP gateway the serial timing is the gateway's business; keep the fixed minimum gap.
        var gap = endpoint.Serial is { } serial ? RtuTiming.InterFrameDelay(serial.Baud) : RtuTiming.InterFrameDelay(int.MaxValue);
        return new ModbusClient(connector, new RtuFramer(time, gap, options.BroadcastTurnaround), 2 * ModbusLimits.MaxRtuAduLength, options, time, logger);
    }

    public async Task<byte[]> SendAsync(byte unit, ModbusRequest request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await PaceAsync(cancellationToken).ConfigureAwait(false);
            var (link, receiver) = await ConnectedAsync(cancellationToken).ConfigureAwait(false);
            byte[] pdu;
            try
            {
                pdu = await _framer.ExchangeAsync(receiver, link.Stream, unit, request, _options.RequestTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (ModbusFrameException ex)
            {
                Log.FrameError(_logger, Target, ex.Message);
                if (_framer.ResetOnFrameError)
                {
                    Disconnect("out of step after a bad frame");
                }

                throw;
            }
            catch (ModbusConnectionException ex)
            {
                Disconnect(ex.Message);
                throw;
            }
            catch (IOException ex)
            {
                Disconnect(ex.Message);
                throw new ModbusConnectionException($"{Target}: {ex.Message}", ex);
            }
            catch (OperationCanceledException) when (_framer.ResetOnFrameError)
            {
                // A write cut short by cancellation may leave half a frame in the TCP stream.
                Disconnect("request cancelled");
                throw;
            }
            finally
            {
                _lastActivity = _time.GetTimestamp();
            }

            if (unit != 0 || pdu.Length > 0)
            {
                ModbusReply.Check(unit, request, pdu);
            }

            return pdu;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose()
    {
        _link?.Dispose();
        _link = null;
        _gate.Dispose();
    }

    private async Task PaceAsync(CancellationToken cancellationToken)
    {
        if (_options.InterRequestDelay <= TimeSpan.Zero || _lastActivity == 0)
        {
            return;
        }

        var wait = _options.InterRequestDelay - _time.GetElapsedTime(_lastActivity);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<(ModbusLink Link, FrameReceiver Receiver)> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (_link is not null && _lastActivity != 0 && _time.GetElapsedTime(_lastActivity) > _options.IdleReconnect)
        {
            Disconnect("idle");
        }

        if (_link is not null && _receiver is not null)
        {
            return (_link, _receiver);
        }

        if (_connectFailures > 0 && _time.GetTimestamp() < _nextConnectAttempt)
        {
            var wait = TimeSpan.FromSeconds((double)(_nextConnectAttempt - _time.GetTimestamp()) / _time.TimestampFrequency);
            throw new ModbusConnectionException($"{Target} unreachable; next connect attempt in {wait.TotalMilliseconds:0} ms");
        }

        try
        {
            _link = await _connector.ConnectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ModbusConnectionException ex)
        {
            _connectFailures++;
            var backoff = TimeSpan.FromTicks(Math.Min(
                _options.MaxReconnectDelay.Ticks,
                _options.InitialReconnectDelay.Ticks << Math.Min(_connectFailures - 1, 20)));
            _nextConnectAttempt = _time.GetTimestamp() + (long)(backoff.TotalSeconds * _time.TimestampFrequency);
            Log.ConnectFailed(_logger, Target, ex.Message, backoff.TotalMilliseconds);
            throw;
        }

        _connectFailures = 0;
        _receiver = new FrameReceiver(_link.Stream, _time, _capacity);
        Log.Connected(_logger, Target);
        return (_link, _receiver);
    }

    private void Disconnect(string reason)
    {
        if (_link is null)
        {
            return;
        }

        Log.Disconnected(_logger, Target, reason);
        _link.Dispose();
        _link = null;
        _receiver = null;
    }
}
