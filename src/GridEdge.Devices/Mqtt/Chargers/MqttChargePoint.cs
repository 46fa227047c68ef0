using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Mqtt.Chargers;

/// <summary>
/// What every MQTT charger driver shares: the latest state it reported and when, whether it is
/// online (availability topic), and counters. A charger that went offline reads as
/// <see cref="ReadingQuality.Invalid"/>; one that fell silent keeps its old timestamp, so the
/// controller sees it stale. Bad payloads are logged with topic and reason, counted and ignored.
/// </summary>
public abstract class MqttChargePoint : IChargePoint
{
    private readonly object _gate = new();
    private ChargePointSample? _sample;
    private DateTimeOffset _sampleTime;
    private bool _offline;
    private long _messages;
    private long _invalid;
    private string? _lastError;

    protected MqttChargePoint(ChargePointDefinition definition, MqttConnection connection, TimeProvider time, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Definition = definition;
        Connection = connection;
        Time = time;
        Logger = logger;
        _sampleTime = time.GetUtcNow();
    }

    public string Id => Definition.Id;

    public ChargePointDefinition Definition { get; }

    public long Messages => Interlocked.Read(ref _messages);

    public long InvalidPayloads => Interlocked.Read(ref _invalid);

    public string? LastError => Volatile.Read(ref _lastError);

    public bool IsOffline
    {
        get
        {
            lock (_gate)
            {
                return _offline;
            }
        }
    }

    protected MqttConnection Connection { get; }

    protected TimeProvider Time { get; }

    protected ILogger Logger { get; }

    /// <summary>Subscribes to the charger's topics (again after every reconnect, by the connection).</summary>
    public abstract Task StartAsync(CancellationToken cancellationToken);

    public abstract ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken);

    /// <summary>True when the charger's latest report shows <paramref name="setpoint"/> in effect (commissioning round trips).</summary>
    public abstract bool Confirms(Setpoint setpoint);

    /// <summary>True when the charger reported that it can discharge (V2H); null when it does not say.</summary>
    public bool? ReportsDischarge { get; protected set; }

    /// <summary>The latest state the charger reported, if any.</summary>
    public ChargePointSample? LatestSample
    {
        get
        {
            lock (_gate)
            {
                return _sample;
            }
        }
    }

    public ValueTask<Reading<ChargePointSample>> ReadAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var sample = _sample ?? new ChargePointSample
            {
                Status = ChargePointStatus.Disconnected,
                ActivePhases = Definition.Phases,
                ChargeCurrent = default,
                Power = default,
            };
            var quality = _sample is null || _offline ? ReadingQuality.Invalid : ReadingQuality.Good;
            return ValueTask.FromResult(new Reading<ChargePointSample>(sample, _sampleTime, quality, Id));
        }
    }

    protected void Accept(ChargePointSample sample)
    {
        Interlocked.Increment(ref _messages);
        lock (_gate)
        {
            _sample = sample;
            _sampleTime = Time.GetUtcNow();
        }
    }

    protected void Reject(string topic, string reason)
    {
        Interlocked.Increment(ref _messages);
        Interlocked.Increment(ref _invalid);
        Volatile.Write(ref _lastError, $"{topic}: {reason}");
        Log.InvalidPayload(Logger, Id, topic, reason);
    }

    /// <summary>Availability from the charger's status topic / last will.</summary>
    protected void SetAvailability(string topic, string payload)
    {
        var offline = payload switch
        {
            "online" => false,
            "offline" => true,
            _ => (bool?)null,
        };
        if (offline is null)
        {
            Reject(topic, $"availability must be 'online' or 'offline', got '{(payload.Length > 20 ? payload[..20] + "…" : payload)}'");
            return;
        }

        lock (_gate)
        {
            if (_offline == offline.Value)
            {
                return;
            }

            _offline = offline.Value;
        }

        Log.Availability(Logger, Id, payload);
    }
}
