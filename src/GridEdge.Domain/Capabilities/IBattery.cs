using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;

namespace GridEdge.Domain.Capabilities;

/// <summary>A stationary battery (or hybrid inverter) the controller can read and command.</summary>
public interface IBattery
{
    string Id { get; }

    /// <summary>Reads the battery now. Failures surface as exceptions; the poller turns them into quality and age.</summary>
    ValueTask<Reading<BatterySample>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Commands an AC power: positive charges, negative discharges, zero holds.</summary>
    ValueTask SetPowerAsync(Power setpoint, CancellationToken cancellationToken);
}
