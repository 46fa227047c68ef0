using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class MqttBrokerTlsTests
{
    [Fact]
    public void Tls_files_and_protocol_version_map_to_the_broker_settings()
    {
        var yaml = With("      url: mqtt://127.0.0.1:1883\n",
            "      url: mqtts://broker.example:8883\n      ca_file: /etc/gridedge/ca.pem\n      cert_file: /etc/gridedge/gw.pem\n      key_file: /etc/gridedge/gw.key\n      protocol_version: \"3.1.1\"\n");

        var broker = Assert.Single(Load(yaml).MqttBrokers);

        Assert.Equal(("/etc/gridedge/ca.pem", "/etc/gridedge/gw.pem", "/etc/gridedge/gw.key", 3), (broker.CaFile, broker.CertificateFile, broker.KeyFile, broker.ProtocolVersion));
        Assert.Equal(8883, broker.Port);
    }

    [Fact]
    public void Protocol_version_defaults_to_mqtt_5()
    {
        Assert.Equal(5, Assert.Single(Load(Valid).MqttBrokers).ProtocolVersion);
    }

    [Fact]
    public void A_client_certificate_needs_its_key()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883\n", "      url: mqtt://127.0.0.1:1883\n      cert_file: gw.pem\n"));

        Assert.Equal("mqtt.brokers[0].cert_file", error.Path);
        Assert.Equal("a client certificate needs both cert_file and key_file", error.Message);
    }

    [Fact]
    public void Unknown_protocol_version_is_refused()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883\n", "      url: mqtt://127.0.0.1:1883\n      protocol_version: \"4\"\n"));

        Assert.Equal("mqtt.brokers[0].protocol_version", error.Path);
        Assert.Contains("is not one of: 5, 3.1.1", error.Message, StringComparison.Ordinal);
    }
}
