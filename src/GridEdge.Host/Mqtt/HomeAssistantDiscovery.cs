using System.Text.Json;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;

namespace GridEdge.Host.Mqtt;

/// <summary>
/// Home Assistant MQTT discovery (<c>homeassistant/&lt;component&gt;/&lt;node&gt;/&lt;object&gt;/config</c>,
/// retained): grid, PV and surplus power, and per chargepoint its power, status and a mode select.
/// </summary>
internal static class HomeAssistantDiscovery
{
    public static IEnumerable<(string Topic, string Payload)> Messages(SiteDefinition site)
    {
        var node = $"gridedge_{site.Id.Replace('-', '_')}";
        var root = $"gridedge/{site.Id}";
        var device = new Dictionary<string, object>
        {
            ["identifiers"] = new[] { node },
            ["name"] = $"GridEdge {site.Name}",
            ["manufacturer"] = "GridEdge",
        };

        yield return Sensor(node, "grid_power", "Grid power", $"{root}/state", "{{ value_json.grid_power_w }}", device, root);
        yield return Sensor(node, "pv_power", "PV power", $"{root}/state", "{{ value_json.pv_power_w }}", device, root);
        yield return Sensor(node, "surplus", "PV surplus", $"{root}/state", "{{ value_json.surplus_w }}", device, root);
        foreach (var chargePoint in site.ChargePoints)
        {
            var state = $"{root}/chargepoint/{chargePoint.Id}/state";
            yield return Sensor(node, $"{chargePoint.Id}_power", $"{chargePoint.Id} power", state, "{{ value_json.power_w }}", device, root);
            yield return Config("sensor", node, $"{chargePoint.Id}_status", new Dictionary<string, object?>
            {
                ["name"] = $"{chargePoint.Id} status",
                ["state_topic"] = state,
                ["value_template"] = "{{ value_json.status }}",
            }, device, root);
            var modes = SiteKeywords.ChargeModes
                .Where(m => (m.Value != ChargeMode.V2h || chargePoint.Bidirectional) && (m.Value != ChargeMode.Plan || site.Planning is not null))
                .Select(m => m.Name).ToArray();
            yield return Config("select", node, $"{chargePoint.Id}_mode", new Dictionary<string, object?>
            {
                ["name"] = $"{chargePoint.Id} mode",
                ["state_topic"] = state,
                ["value_template"] = "{{ value_json.mode }}",
                ["command_topic"] = $"{root}/chargepoint/{chargePoint.Id}/set/mode",
                ["options"] = modes,
            }, device, root);
        }
    }

    private static (string, string) Sensor(string node, string id, string name, string stateTopic, string template, Dictionary<string, object> device, string root) =>
        Config("sensor", node, id, new Dictionary<string, object?>
        {
            ["name"] = name,
            ["state_topic"] = stateTopic,
            ["value_template"] = template,
            ["unit_of_measurement"] = "W",
            ["device_class"] = "power",
            ["state_class"] = "measurement",
        }, device, root);

    private static (string, string) Config(string component, string node, string id, Dictionary<string, object?> fields, Dictionary<string, object> device, string root)
    {
        fields["unique_id"] = $"{node}_{id}";
        fields["availability_topic"] = $"{root}/status";
        fields["device"] = device;
        return ($"homeassistant/{component}/{node}/{id}/config", JsonSerializer.Serialize(fields));
    }
}
