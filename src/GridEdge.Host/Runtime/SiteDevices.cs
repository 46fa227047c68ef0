using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Simulation;

namespace GridEdge.Host.Runtime;

/// <summary>The devices of a site, connected: a driver per meter and chargepoint, and the simulation if any plays one.</summary>
internal sealed record SiteDevices(
    SimulatedSite? Simulation,
    IReadOnlyDictionary<string, IMeter> Meters,
    IReadOnlyDictionary<string, IChargePoint> ChargePoints)
{
    /// <summary>
    /// Picks a driver for every device of the site. Returns the reasons when a device needs a
    /// driver this build does not have, so `run` can refuse with a clear message instead of
    /// starting half a site.
    /// </summary>
    public static SiteDevices Create(SiteConfiguration configuration, TimeProvider time, out IReadOnlyList<string> problems)
    {
        var site = configuration.Site;
        var errors = new List<string>();
        var simulation = configuration.Simulation is { } settings ? new SimulatedSite(site, settings, time) : null;
        var simulatedMeters = simulation?.Meters.ToDictionary(m => m.Id, StringComparer.Ordinal) ?? [];
        var simulatedChargePoints = simulation?.ChargePoints.ToDictionary(c => c.Id, StringComparer.Ordinal) ?? [];

        var meters = new Dictionary<string, IMeter>(StringComparer.Ordinal);
        foreach (var meter in site.Meters)
        {
            if (meter.Connection is SimulatedConnection && simulatedMeters.TryGetValue(meter.Id, out var simulated))
            {
                meters[meter.Id] = simulated;
            }
            else
            {
                errors.Add($"meters.{meter.Id}: {Describe(meter.Connection)} meters have no driver in this build yet; use `simulated: true`");
            }
        }

        var chargePoints = new Dictionary<string, IChargePoint>(StringComparer.Ordinal);
        foreach (var chargePoint in site.ChargePoints)
        {
            if (simulatedChargePoints.TryGetValue(chargePoint.Id, out var simulated))
            {
                chargePoints[chargePoint.Id] = simulated;
            }
            else
            {
                errors.Add($"chargers.{chargePoint.Id}: protocol '{chargePoint.Protocol}' has no driver in this build yet; use `protocol: simulated`");
            }
        }

        problems = errors;
        return new SiteDevices(simulation, meters, chargePoints);
    }

    private static string Describe(DeviceConnection connection) => connection switch
    {
        ModbusConnection => "Modbus",
        _ => connection.GetType().Name,
    };
}
