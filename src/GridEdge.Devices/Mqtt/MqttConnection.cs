using System.Collections.Concurrent;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace GridEdge.Devices.Mqtt;

/// <summary>
/// One client per broker, kept connected by a reconnect loop with capped exponential backoff
/// (MQTTnet 5 has no managed client). After every (re)connect it announces "online" (retained) on
/// its status topic, whose last will is a retained "offline", and re-subscribes every filter.
/// Commands go out at QoS 1 and are never retained: a retained command would replay after a reboot.
/// </summary>
public sealed class MqttConnection : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(250);
    private readonly string _name;
    private readonly MqttBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly IMqttClient _client;
    private readonly ConcurrentDictionary<string, MqttMessageHandler> _subscriptions = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;
    private long _connects;
    private long _received;
    private long _published;

    public MqttConnection(string name, MqttBrokerOptions options, TimeProvider time, ILogger logger)
    {
        _name = name;
        _options = options;
        _time = time;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        _client.ApplicationMessageReceivedAsync += OnMessage;
    }

    public bool IsConnected => _client.IsConnected;

    public long Connects => Interlocked.Read(ref _connects);

    public long MessagesReceived => Interlocked.Read(ref _received);

    public long MessagesPublished => Interlocked.Read(ref _published);

    /// <summary>Starts the connect/reconnect loop in the background.</summary>
    public void Start() => _loop ??= Task.Run(() => KeepConnectedAsync(_stop.Token));

    /// <summary>Waits until connected, or throws <see cref="TimeoutException"/>.</summary>
    public async Task WaitConnectedAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        while (!IsConnected)
        {
            if (_time.GetElapsedTime(start) > timeout)
            {
                throw new TimeoutException($"MQTT broker {_options.Url} not reachable within {timeout.TotalSeconds:0.#} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), _time, cancellationToken);
        }
    }

    /// <summary>Registers a handler; the filter is subscribed now if connected and again after every reconnect.</summary>
    public async Task SubscribeAsync(string filter, MqttMessageHandler handler, CancellationToken cancellationToken)
    {
        _subscriptions[filter] = handler;
        if (IsConnected)
        {
            await SubscribeOnBrokerAsync(filter, cancellationToken);
        }
    }

    /// <summary>Publishes at QoS 1; throws when not connected (the caller retries on its next cycle).</summary>
    public async Task PublishAsync(string topic, ReadOnlyMemory<byte> payload, bool retain, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayloadSegment(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        var result = await _client.PublishAsync(message, cancellationToken);
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException($"MQTT {_name}: publish to {topic} refused ({result.ReasonCode})");
        }

        Interlocked.Increment(ref _published);
    }

    public Task PublishAsync(string topic, string payload, bool retain, CancellationToken cancellationToken) =>
        PublishAsync(topic, Encoding.UTF8.GetBytes(payload), retain, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        if (_client.IsConnected)
        {
            try
            {
                // A clean disconnect suppresses the last will, so say "offline" ourselves.
                if (_options.StatusTopic is { } status)
                {
                    await PublishAsync(status, "offline", retain: true, CancellationToken.None);
                }

                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
            }
            catch (Exception ex) when (ex is MQTTnet.Exceptions.MqttCommunicationException or InvalidOperationException or OperationCanceledException)
            {
                // Broker already gone: the last will says offline for us.
            }
        }

        _client.Dispose();
        _stop.Dispose();
    }

    private async Task KeepConnectedAsync(CancellationToken cancellationToken)
    {
        var delay = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_client.IsConnected)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                continue;
            }

            try
            {
                await ConnectAsync(cancellationToken);
                delay = FirstRetry;
                Interlocked.Increment(ref _connects);
                Log.Connected(_logger, _name);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                Log.ConnectFailed(_logger, _name, ex.Message, delay.TotalMilliseconds);
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxReconnectDelay.Ticks));
            }
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Url.Host, _options.Url.IsDefaultPort || _options.Url.Port < 0 ? (_options.UseTls ? 8883 : 1883) : _options.Url.Port)
            .WithClientId(_options.ClientId)
            .WithKeepAlivePeriod(_options.KeepAlive)
            .WithTimeout(_options.ConnectTimeout)
            .WithCleanStart(true)
            .WithProtocolVersion(_options.ProtocolVersion == 3 ? MqttProtocolVersion.V311 : MqttProtocolVersion.V500);
        if (_options.Credentials is { } credentials)
        {
            builder = builder.WithCredentials(credentials.Username, credentials.Password);
        }

        if (_options.StatusTopic is { } status)
        {
            builder = builder.WithWillTopic(status).WithWillPayload("offline").WithWillRetain(true)
                .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        }

        if (_options.UseTls)
        {
            builder = builder.WithTlsOptions(ConfigureTls);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        await _client.ConnectAsync(builder.Build(), timeout.Token);

        if (_options.StatusTopic is { } online)
        {
            await PublishAsync(online, "online", retain: true, cancellationToken);
        }

        foreach (var filter in _subscriptions.Keys)
        {
            await SubscribeOnBrokerAsync(filter, cancellationToken);
        }
    }

    private void ConfigureTls(MqttClientTlsOptionsBuilder tls)
    {
        tls.UseTls(true).WithTargetHost(_options.Url.Host);
        if (_options.ClientCertificateFile is { } certificate)
        {
            tls.WithClientCertificates([X509Certificate2.CreateFromPemFile(certificate, _options.ClientKeyFile)]);
        }

        if (_options.CaFile is { } caFile)
        {
            var authority = X509CertificateLoader.LoadCertificateFromFile(caFile);
            tls.WithCertificateValidationHandler(context => ValidateAgainst(authority, context.Certificate, context.SslPolicyErrors));
        }
    }

    /// <summary>Trusts exactly the configured CA, and still insists on the broker's host name.</summary>
    private static bool ValidateAgainst(X509Certificate2 authority, X509Certificate? presented, SslPolicyErrors errors)
    {
        if (presented is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var certificate = new X509Certificate2(presented);
        return chain.Build(certificate);
    }

    private async Task SubscribeOnBrokerAsync(string filter, CancellationToken cancellationToken)
    {
        var options = new MqttClientSubscribeOptionsBuilder()
            .WithTopicFilter(f => f.WithTopic(filter).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce))
            .Build();
        await _client.SubscribeAsync(options, cancellationToken);
    }

    private Task OnMessage(MqttApplicationMessageReceivedEventArgs e)
    {
        Interlocked.Increment(ref _received);
        var message = e.ApplicationMessage;
        foreach (var (filter, handler) in _subscriptions)
        {
            if (TopicFilter.Matches(filter, message.Topic))
            {
                handler(message.Topic, message.Payload, message.Retain);
            }
        }

        return Task.CompletedTask;
    }
}
