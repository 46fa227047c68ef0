using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using GridEdge.Simulation;

namespace GridEdge.Host.Runtime;

/// <summary>A simulated battery in its server unit: the setpoint register in, state of charge and power out.</summary>
internal sealed class ServedBattery(SimulatedBattery source, ModbusUnit unit, DeviceLayout layout)
{
    private double _setpoint;

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        // The register keeps the last write; only a change is a new command, not the value sitting there.
        if (RegisterImage.Read(unit, layout, Quantities.PowerSetpoint) is { } setpoint && setpoint != _setpoint)
        {
            _setpoint = setpoint;
            await source.SetPowerAsync(new Power(setpoint), cancellationToken);
        }

        var reading = await source.ReadAsync(cancellationToken);
        RegisterImage.Write(unit, layout, new Dictionary<string, double>(StringComparer.Ordinal)
        {
            [Quantities.StateOfCharge] = reading.Value.StateOfCharge * 100,
            [Quantities.Power] = reading.Value.Power.Watts,
        });
    }
}
