namespace GridEdge.Devices.Mqtt;

/// <summary>How to reach one MQTT broker. Secrets are resolved before they get here (environment or credentials file).</summary>
public sealed record MqttBrokerOptions
{
    /// <summary>mqtt://HOST:PORT or mqtts://HOST:PORT.</summary>
    public required Uri Url { get; init; }

    public required string ClientId { get; init; }

    public MqttCredentials? Credentials { get; init; }

    /// <summary>PEM file of the CA that signed the broker's certificate (mqtts); null trusts the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate and key for mutual TLS.</summary>
    public string? ClientCertificateFile { get; init; }

    public string? ClientKeyFile { get; init; }

    /// <summary>5 (default) or 3 for MQTT 3.1.1.</summary>
    public int ProtocolVersion { get; init; } = 5;

    /// <summary>Our availability topic: "online" retained on connect, "offline" as retained last will.</summary>
    public string? StatusTopic { get; init; }

    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Longest wait between reconnect attempts; the wait doubles from 250 ms up to it.</summary>
    public TimeSpan MaxReconnectDelay { get; init; } = TimeSpan.FromSeconds(10);

    public bool UseTls => Url.Scheme == "mqtts";
}
