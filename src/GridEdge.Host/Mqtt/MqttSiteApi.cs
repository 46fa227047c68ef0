using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using GridEdge.Control;
using GridEdge.Devices.Mqtt;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Host.Status;

namespace GridEdge.Host.Mqtt;

/// <summary>
/// The gateway on MQTT, for integrators and home automation: the site and every chargepoint as
/// retained JSON under <c>gridedge/&lt;site&gt;/…</c>, mode changes accepted on
/// <c>gridedge/&lt;site&gt;/chargepoint/&lt;id&gt;/set/mode</c> (validated, answered on
/// <c>…/set/mode/result</c>, applied at the start of the next control cycle), and Home Assistant
/// discovery for the main sensors and the mode select.
/// </summary>
internal sealed class MqttSiteApi(SiteConfiguration configuration, MqttConnection connection, TimeProvider time)
{
    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<(string ChargePointId, string Requested)> _modeRequests = new();
    private readonly string _site = configuration.Site.Id;
    private DateTimeOffset _nextPublish = DateTimeOffset.MinValue;
    private long _discoveryPublishedForConnect;

    private string Root => $"gridedge/{_site}";

    /// <summary>Subscribes the command topics (kept across reconnects by the connection).</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        connection.SubscribeAsync($"{Root}/chargepoint/+/set/mode", OnModeRequest, cancellationToken);

    /// <summary>Applies queued mode changes to the controller and answers each (call at the start of a cycle).</summary>
    public async Task ApplyRequestsAsync(SiteController controller, CancellationToken cancellationToken)
    {
        while (_modeRequests.TryDequeue(out var request))
        {
            var error = Validate(request.ChargePointId, request.Requested, out var mode);
            if (error is null)
            {
                controller.SetMode(request.ChargePointId, mode);
            }

            var reply = JsonSerializer.Serialize(new ModeReply(error is null, request.Requested, error), JsonOutput.Options);
            await connection.PublishAsync($"{Root}/chargepoint/{request.ChargePointId}/set/mode/result", reply, retain: false, cancellationToken);
        }
    }

    /// <summary>Publishes the site and chargepoint state (retained) every few seconds.</summary>
    public async Task PublishAsync(StatusReport status, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (!connection.IsConnected || now < _nextPublish)
        {
            return;
        }

        _nextPublish = now + PublishEvery;
        if (_discoveryPublishedForConnect != connection.Connects)
        {
            // Again after every reconnect: a broker without persistence forgets retained messages.
            foreach (var (topic, payload) in HomeAssistantDiscovery.Messages(configuration.Site))
            {
                await connection.PublishAsync(topic, payload, retain: true, cancellationToken);
            }

            _discoveryPublishedForConnect = connection.Connects;
        }

        var pv = status.Meters.FirstOrDefault(m => m.Role == "pv")?.PowerW;
        var site = new SiteState(status.Time, status.Failsafe, status.Grid.PowerW, pv is { } p ? -p : null, status.SurplusW, status.Statistics.SelfConsumption);
        await connection.PublishAsync($"{Root}/state", JsonSerializer.Serialize(site, JsonOutput.Options), retain: true, cancellationToken);
        foreach (var chargePoint in status.Chargepoints)
        {
            await connection.PublishAsync($"{Root}/chargepoint/{chargePoint.Id}/state", JsonSerializer.Serialize(chargePoint, JsonOutput.Options), retain: true, cancellationToken);
        }
    }

    private void OnModeRequest(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        // A retained command would replay on every reconnect: ignore it (we never retain ours either).
        if (retained)
        {
            return;
        }

        var parts = topic.Split('/');
        var text = payload.Length > 64 ? "" : Encoding.UTF8.GetString(payload).Trim().Trim('"');
        _modeRequests.Enqueue((parts[3], text));
    }

    private string? Validate(string chargePointId, string requested, out ChargeMode mode)
    {
        mode = default;
        if (configuration.Site.ChargePoints.FirstOrDefault(c => c.Id == chargePointId) is not { } chargePoint)
        {
            return $"unknown chargepoint '{chargePointId}'";
        }

        var match = SiteKeywords.ChargeModes.FirstOrDefault(m => m.Name == requested);
        if (match.Name is null)
        {
            return $"'{requested}' is not one of: {string.Join(", ", SiteKeywords.ChargeModes.Select(m => m.Name))}";
        }

        if (match.Value == ChargeMode.V2h && !chargePoint.Bidirectional)
        {
            return $"chargepoint '{chargePointId}' is not bidirectional: mode v2h is not possible";
        }

        if (match.Value == ChargeMode.Plan && configuration.Site.Planning is null)
        {
            return "mode plan needs a planning section in the site file";
        }

        mode = match.Value;
        return null;
    }

    private sealed record ModeReply(bool Ok, string Mode, string? Error);

    private sealed record SiteState(DateTimeOffset Time, bool Failsafe, double? GridPowerW, double? PvPowerW, double SurplusW, double? SelfConsumption);
}
