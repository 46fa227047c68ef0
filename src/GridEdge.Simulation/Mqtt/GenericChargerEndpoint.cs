using System.Globalization;
using System.Text.Json;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Simulation.Mqtt;

/// <summary>A simulated charger speaking the generic JSON contract under <c>&lt;prefix&gt;/&lt;id&gt;</c>.</summary>
public sealed class GenericChargerEndpoint(SimulatedChargePoint chargePoint, string prefix, string deviceId, TimeProvider time)
    : SimulatedChargerEndpoint(chargePoint, time)
{
    private string Base => $"{prefix}/{deviceId}";

    protected override string? StatusTopic => $"{Base}/status";

    protected override string CommandFilter => $"{Base}/set";

    public override Task PublishStateAsync(CancellationToken cancellationToken)
    {
        var sample = ChargePoint.Sample;
        var definition = ChargePoint.Definition;
        var soc = sample.Vehicle?.StateOfCharge is { } s ? (s * 100).ToString("0.##", CultureInfo.InvariantCulture) : "null";
        var json = string.Create(CultureInfo.InvariantCulture,
            $$"""{"connected":{{Bool(sample.IsPluggedIn)}},"charging":{{Bool(sample.Status == ChargePointStatus.Charging)}},"complete":{{Bool(sample.Status == ChargePointStatus.Complete)}},"power_w":{{sample.Power.Watts:0.#}},"current_a":{{sample.ChargeCurrent.Amperes:0.##}},"energy_wh":{{sample.SessionEnergy.WattHours:0.#}},"soc":{{soc}},"phases":{{sample.ActivePhases}},"min_current_a":{{definition.MinCurrent.Amperes}},"max_current_a":{{definition.MaxCurrent.Amperes}},"v2h":{{Bool(definition.Bidirectional)}},"max_discharge_w":{{definition.MaxDischarge.Watts}}}""");
        return PublishAsync($"{Base}/state", json, retain: true, cancellationToken);
    }

    protected override Setpoint? Interpret(string topic, string payload)
    {
        try
        {
            using var command = JsonDocument.Parse(payload);
            var root = command.RootElement;
            var now = Time.GetUtcNow();
            var phases = root.TryGetProperty("phases", out var p) ? p.GetInt32() : ChargePoint.Definition.Phases;
            var ttl = TimeSpan.FromSeconds(root.TryGetProperty("expires_s", out var e) ? e.GetDouble() : 60);
            var voltage = ChargePoint.Definition.Voltage;
            if (root.TryGetProperty("power_w", out var power))
            {
                return Setpoint.ForPower(ChargePoint.Id, new(power.GetDouble()), phases, voltage, now, ttl);
            }

            return root.TryGetProperty("current_a", out var current)
                ? Setpoint.ForCurrent(ChargePoint.Id, new(current.GetDouble()), phases, voltage, now, ttl)
                : null;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            // Real hardware ignores a command it cannot read.
            return null;
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";
}
