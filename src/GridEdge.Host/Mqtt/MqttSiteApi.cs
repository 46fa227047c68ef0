using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using GridEdge.Control;
using GridEdge.Devices.Mqtt;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Host.Planning;
using GridEdge.Host.Status;

namespace GridEdge.Host.Mqtt;

/// <summary>
/// The gateway on MQTT, for integrators and home automation: the site and every chargepoint as
/// retained JSON under <c>gridedge/&lt;site&gt;/…</c>, mode changes accepted on
/// <c>gridedge/&lt;site&gt;/chargepoint/&lt;id&gt;/set/mode</c>, the session's target on
/// <c>…/set/target_wh</c> and its departure on <c>…/set/departure</c> (ISO 8601 or site-local
/// HH:mm; both used by mode plan) — validated, answered on <c>…/set/&lt;what&gt;/result</c>,
/// applied at the start of the next control cycle — and Home Assistant
/// discovery for the main sensors and the mode select.
/// </summary>
internal sealed class MqttSiteApi(SiteConfiguration configuration, MqttConnection connection, TimeProvider time, VehicleOverrides overrides)
{
    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(5);
    private readonly ConcurrentQueue<(string ChargePointId, string What, string Requested)> _requests = new();
    private readonly string _site = configuration.Site.Id;
    private DateTimeOffset _nextPublish = DateTimeOffset.MinValue;
    private long _discoveryPublishedForConnect;

    private string Root => $"gridedge/{_site}";

    /// <summary>Subscribes the command topics (kept across reconnects by the connection).</summary>
    public Task StartAsync(CancellationToken cancellationToken) =>
        connection.SubscribeAsync($"{Root}/chargepoint/+/set/+", OnRequest, cancellationToken);

    /// <summary>Applies queued requests (mode, target, departure) and answers each (call at the start of a cycle).</summary>
    public async Task ApplyRequestsAsync(SiteController controller, CancellationToken cancellationToken)
    {
        while (_requests.TryDequeue(out var request))
        {
            var error = configuration.Site.ChargePoints.Any(c => c.Id == request.ChargePointId)
                ? Apply(controller, request.ChargePointId, request.What, request.Requested)
                : $"unknown chargepoint '{request.ChargePointId}'";
            var reply = JsonSerializer.Serialize(new RequestReply(error is null, request.Requested, error), JsonOutput.Options);
            await connection.PublishAsync($"{Root}/chargepoint/{request.ChargePointId}/set/{request.What}/result", reply, retain: false, cancellationToken);
        }
    }

    private string? Apply(SiteController controller, string chargePointId, string what, string requested)
    {
        switch (what)
        {
            case "mode":
                var error = Validate(chargePointId, requested, out var mode);
                if (error is null)
                {
                    controller.SetMode(chargePointId, mode);
                }

                return error;
            case "target_wh":
                if (!double.TryParse(requested, NumberStyles.Float, CultureInfo.InvariantCulture, out var target) || !double.IsFinite(target) || target is < 0 or > 500_000)
                {
                    return $"target_wh: '{requested}' is not a number of watt-hours between 0 and 500000";
                }

                overrides.SetTarget(chargePointId, target);
                return null;
            case "departure":
                if (Departure(requested) is not { } departure)
                {
                    return $"departure: '{requested}' is neither an ISO 8601 time nor HH:mm";
                }

                overrides.SetDeparture(chargePointId, departure);
                return null;
            default:
                return $"unknown setting '{what}' (mode, target_wh, departure)";
        }
    }

    /// <summary>An ISO 8601 instant, or a site-local HH:mm (the next such time).</summary>
    private DateTimeOffset? Departure(string text)
    {
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var instant) && text.Contains('T', StringComparison.Ordinal))
        {
            return instant;
        }

        if (!TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var clock))
        {
            return null;
        }

        var zone = configuration.Site.TimeZone;
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var local = DateOnly.FromDateTime(now.DateTime).ToDateTime(clock);
        if (local <= now.DateTime)
        {
            local = local.AddDays(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local));
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

    private void OnRequest(string topic, ReadOnlySequence<byte> payload, bool retained)
    {
        // A retained command would replay on every reconnect: ignore it (we never retain ours either).
        var parts = topic.Split('/');
        if (retained || parts.Length != 6)
        {
            return;
        }

        var text = payload.Length > 64 ? "" : Encoding.UTF8.GetString(payload).Trim().Trim('"');
        _requests.Enqueue((parts[3], parts[5], text));
    }

    private string? Validate(string chargePointId, string requested, out ChargeMode mode)
    {
        mode = default;
        var chargePoint = configuration.Site.ChargePoints.First(c => c.Id == chargePointId);

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

    private sealed record RequestReply(bool Ok, string Value, string? Error);

    private sealed record SiteState(DateTimeOffset Time, bool Failsafe, double? GridPowerW, double? PvPowerW, double SurplusW, double? SelfConsumption);
}
