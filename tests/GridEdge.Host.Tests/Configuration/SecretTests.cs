using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class SecretTests
{
    private const string MqttSecret =
        "secrets do not belong in the site file; set GRIDEDGE_MQTT_USERNAME/GRIDEDGE_MQTT_PASSWORD or use credentials_file";

    private const string InfluxSecret =
        "secrets do not belong in the site file; set GRIDEDGE_INFLUX_TOKEN / GRIDEDGE_INFLUX_USERNAME / GRIDEDGE_INFLUX_PASSWORD";

    [Fact]
    public void A_username_in_the_mqtt_section_is_refused()
    {
        var error = SingleError(With("mqtt:\n", "mqtt:\n  username: admin\n"));

        AssertError(error, 19, 3, "mqtt.username", MqttSecret);
    }

    [Fact]
    public void A_password_on_a_broker_is_refused()
    {
        var error = SingleError(With("      url: mqtt://127.0.0.1:1883\n", "      url: mqtt://127.0.0.1:1883\n      password: hunter2\n"));

        AssertError(error, 22, 7, "mqtt.brokers[0].password", MqttSecret);
    }

    [Fact]
    public void Credentials_in_a_broker_url_are_refused()
    {
        var error = SingleError(With("url: mqtt://127.0.0.1:1883", "url: mqtt://user:pw@127.0.0.1:1883"));

        AssertError(error, 21, 12, "mqtt.brokers[0].url", MqttSecret);
    }

    [Theory]
    [InlineData("token")]
    [InlineData("username")]
    [InlineData("password")]
    public void Influx_secrets_are_refused(string key)
    {
        var yaml = Valid + $"telemetry:\n  influx:\n    url: http://127.0.0.1:8086\n    version: 2\n    org: home\n    bucket: gridedge\n    {key}: s3cret\n";

        var error = SingleError(yaml);

        AssertError(error, 35, 5, "telemetry.influx." + key, InfluxSecret);
    }

    [Fact]
    public void A_credentials_file_is_the_way_to_give_broker_credentials()
    {
        var config = Load(With("      url: mqtt://127.0.0.1:1883\n", "      url: mqtt://127.0.0.1:1883\n      credentials_file: /etc/gridedge/mqtt.credentials\n"));

        Assert.Equal("/etc/gridedge/mqtt.credentials", config.MqttBrokers[0].CredentialsFile);
    }
}
