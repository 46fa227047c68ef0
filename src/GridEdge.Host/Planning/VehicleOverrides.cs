using System.Collections.Concurrent;

namespace GridEdge.Host.Planning;

/// <summary>
/// Targets and departures set by the user (MQTT API) for the vehicle now at a chargepoint; they
/// win over what the vehicle reports and end with the session (cleared when it unplugs).
/// </summary>
internal sealed class VehicleOverrides
{
    private readonly ConcurrentDictionary<string, (double? TargetWh, DateTimeOffset? Departure)> _byChargePoint = new(StringComparer.Ordinal);

    public void SetTarget(string chargePointId, double targetWh) =>
        _byChargePoint.AddOrUpdate(chargePointId, (targetWh, null), (_, old) => (targetWh, old.Departure));

    public void SetDeparture(string chargePointId, DateTimeOffset departure) =>
        _byChargePoint.AddOrUpdate(chargePointId, (null, departure), (_, old) => (old.TargetWh, departure));

    public (double? TargetWh, DateTimeOffset? Departure) For(string chargePointId) => _byChargePoint.GetValueOrDefault(chargePointId);

    public void Clear(string chargePointId) => _byChargePoint.TryRemove(chargePointId, out _);
}
