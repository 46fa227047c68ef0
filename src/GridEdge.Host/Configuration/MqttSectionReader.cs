namespace GridEdge.Host.Configuration;

/// <summary>Reads <c>mqtt.brokers</c> and registers the broker ids for the chargers.</summary>
internal static class MqttSectionReader
{
    private const int DefaultTlsPort = 8883;

    public static IReadOnlyList<MqttBrokerSettings> Read(ConfigMap root, SiteFileContext context)
    {
        var brokers = new List<MqttBrokerSettings>();
        foreach (var item in root.OptionalMap("mqtt")?.OptionalList("brokers") ?? [])
        {
            if (item.AsMap() is { } broker && ReadBroker(broker, context) is { } settings)
            {
                brokers.Add(settings);
            }
        }

        return brokers;
    }

    private static MqttBrokerSettings? ReadBroker(ConfigMap broker, SiteFileContext context)
    {
        var idNode = broker.Required("id");
        var id = idNode?.AsString(SitePatterns.DeviceId(), SitePatterns.DeviceIdHint);
        if (id is not null)
        {
            context.Brokers.Add(id, idNode!, true);
        }

        var urlNode = broker.Optional("url");
        var embeddedNode = broker.Optional("embedded");
        var embedded = embeddedNode?.AsBool();
        var portNode = broker.Optional("port");
        var port = portNode?.AsInt(Bounds.Between(1, 65535));
        var clientId = broker.OptionalString("client_id");
        var credentialsFile = broker.OptionalString("credentials_file");
        var caFile = broker.OptionalString("ca_file");
        var certFile = broker.OptionalString("cert_file");
        var keyFile = broker.OptionalString("key_file");
        var protocolNode = broker.Optional("protocol_version");
        var protocolVersion = protocolNode?.AsKeyword(ProtocolVersions) switch
        {
            "3.1.1" => 3,
            _ => 5,
        };
        if ((certFile is null) != (keyFile is null))
        {
            (broker.Optional("cert_file") ?? broker.Optional("key_file"))!.Error("a client certificate needs both cert_file and key_file");
        }

        Uri? url = null;
        if (urlNode is not null && embedded == true)
        {
            embeddedNode!.Error("a broker has either 'url' or 'embedded: true', not both");
            return null;
        }

        if (urlNode is null && embedded != true)
        {
            if (embedded is not null || embeddedNode is null)
            {
                broker.ReportMissing("url", "or set embedded: true");
            }

            return null;
        }

        if (urlNode is not null)
        {
            url = urlNode.AsUrl(SiteKeywords.MqttSchemes);
            if (url is { UserInfo.Length: > 0 })
            {
                urlNode.Error(SiteFileKeys.SecretMessage("mqtt", "password")!);
                url = null;
            }

            if (portNode is not null)
            {
                portNode.Error("port is only used with embedded: true; put the port in the url");
                return null;
            }
        }

        if (id is null || (urlNode is not null && url is null) || (portNode is not null && port is null))
        {
            return null;
        }

        return new MqttBrokerSettings
        {
            Id = id,
            Url = url,
            Embedded = url is null,
            Port = url is null ? port ?? MqttBrokerSettings.DefaultPort : UrlPort(url),
            ClientId = clientId,
            CredentialsFile = credentialsFile,
            CaFile = caFile,
            CertificateFile = certFile,
            KeyFile = keyFile,
            ProtocolVersion = protocolVersion,
        };
    }

    private static readonly IReadOnlyList<string> ProtocolVersions = ["5", "3.1.1"];

    private static int UrlPort(Uri url) => url.Port > 0
        ? url.Port
        : url.Scheme.Equals("mqtts", StringComparison.OrdinalIgnoreCase) ? DefaultTlsPort : MqttBrokerSettings.DefaultPort;
}
