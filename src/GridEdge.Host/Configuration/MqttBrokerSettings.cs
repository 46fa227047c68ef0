namespace GridEdge.Host.Configuration;

/// <summary>One entry of <c>mqtt.brokers</c>: an external broker by URL, or the embedded broker on a port.</summary>
public sealed record MqttBrokerSettings
{
    public const int DefaultPort = 1883;

    public required string Id { get; init; }

    /// <summary>mqtt:// or mqtts:// URL of an external broker; null for the embedded broker.</summary>
    public Uri? Url { get; init; }

    /// <summary>True: the gateway runs the broker itself on <see cref="Port"/>.</summary>
    public bool Embedded { get; init; }

    /// <summary>The broker's TCP port (from the URL, or the embedded broker's listening port).</summary>
    public int Port { get; init; } = DefaultPort;

    public string? ClientId { get; init; }

    /// <summary>File with the broker credentials; otherwise GRIDEDGE_MQTT_USERNAME / GRIDEDGE_MQTT_PASSWORD.</summary>
    public string? CredentialsFile { get; init; }

    /// <summary>PEM CA that signed the broker's certificate (mqtts); null trusts the system store.</summary>
    public string? CaFile { get; init; }

    /// <summary>PEM client certificate and key for mutual TLS.</summary>
    public string? CertificateFile { get; init; }

    public string? KeyFile { get; init; }

    /// <summary>5 (MQTT 5, default) or 3 (MQTT 3.1.1).</summary>
    public int ProtocolVersion { get; init; } = 5;
}
