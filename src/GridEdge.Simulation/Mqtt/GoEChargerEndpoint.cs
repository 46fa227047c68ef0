using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Simulation.Mqtt;

/// <summary>
/// A simulated go-e Charger (API v2 over MQTT): publishes <c>car</c>, <c>amp</c>, <c>frc</c>,
/// <c>psm</c>, <c>nrg</c>, <c>wh</c>, <c>err</c> and obeys <c>amx</c>/<c>amp</c>, <c>frc</c>
/// and <c>psm</c> set commands. Like the real one it keeps a command until told otherwise.
/// </summary>
public sealed class GoEChargerEndpoint(SimulatedChargePoint chargePoint, string serial, TimeProvider time)
    : SimulatedChargerEndpoint(chargePoint, time)
{
    private static readonly TimeSpan NoExpiry = TimeSpan.FromDays(1);
    private int _amperes = (int)chargePoint.Definition.MinCurrent.Amperes;
    private int _force = 1;
    private int _phaseMode = chargePoint.Definition.Phases >= 3 ? 2 : 1;

    private string Base => $"go-eCharger/{serial}";

    protected override string? StatusTopic => null;

    protected override string CommandFilter => $"{Base}/+/set";

    public override async Task PublishStateAsync(CancellationToken cancellationToken)
    {
        var sample = ChargePoint.Sample;
        var car = sample.Status switch
        {
            ChargePointStatus.Charging => 2,
            ChargePointStatus.Connected => 3,
            ChargePointStatus.Complete => 4,
            ChargePointStatus.Error => 5,
            _ => 1,
        };
        var volts = ChargePoint.Definition.Voltage.Volts;
        var current = sample.ChargeCurrent.Amperes;
        var onPhase = new double[3];
        for (var p = 0; p < Math.Min(3, sample.ActivePhases) && current > 0; p++)
        {
            onPhase[p] = current;
        }

        var nrg = string.Create(CultureInfo.InvariantCulture,
            $"[{volts},{volts},{volts},0,{onPhase[0]:0.##},{onPhase[1]:0.##},{onPhase[2]:0.##},{onPhase[0] * volts:0.#},{onPhase[1] * volts:0.#},{onPhase[2] * volts:0.#},0,{sample.Power.Watts:0.#},1,1,1,0]");
        await Publish("car", car.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await Publish("amp", _amperes.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await Publish("frc", _force.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await Publish("psm", _phaseMode.ToString(CultureInfo.InvariantCulture), cancellationToken);
        await Publish("wh", sample.SessionEnergy.WattHours.ToString("0.#", CultureInfo.InvariantCulture), cancellationToken);
        await Publish("err", "0", cancellationToken);
        await Publish("nrg", nrg, cancellationToken);
    }

    protected override Setpoint? Interpret(string topic, string payload)
    {
        var parts = topic.Split('/');
        if (parts.Length != 4 || !int.TryParse(payload.Trim('"'), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return null;
        }

        switch (parts[2])
        {
            case "amx" or "amp" when value is >= 6 and <= 32:
                _amperes = value;
                break;
            case "frc" when value is >= 0 and <= 2:
                _force = value;
                break;
            case "psm" when value is 1 or 2:
                _phaseMode = value;
                break;
            default:
                return null;
        }

        var definition = ChargePoint.Definition;
        var amperes = _force == 1 ? 0 : _amperes;
        return Setpoint.ForCurrent(ChargePoint.Id, new(amperes), _phaseMode == 2 ? 3 : 1, definition.Voltage, Time.GetUtcNow(), NoExpiry);
    }

    private Task Publish(string key, string value, CancellationToken cancellationToken) =>
        PublishAsync($"{Base}/{key}", value, retain: true, cancellationToken);
}
