using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Domain.Capabilities;

/// <summary>A chargepoint the controller can read and command.</summary>
public interface IChargePoint
{
    string Id { get; }

    /// <summary>The chargepoint's latest state (push-based drivers return what they last received).</summary>
    ValueTask<Reading<ChargePointSample>> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Sends a setpoint to the charger.</summary>
    ValueTask ApplyAsync(Setpoint setpoint, CancellationToken cancellationToken);
}
