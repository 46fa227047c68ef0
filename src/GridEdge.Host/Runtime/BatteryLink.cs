using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// The control loop's side of the site battery: reads it into the site state each cycle and sends the
/// decided setpoint. A setpoint is sent every cycle (battery inverters' remote control falls back to
/// their own mode when it is not refreshed) and a failure never costs the cycle. Changes of reason are logged.
/// </summary>
internal sealed class BatteryLink(IBattery battery, SiteState state, ILogger logger)
{
    private DecisionReason? _loggedReason;
    private long _sent;

    public long Sent => Interlocked.Read(ref _sent);

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            state.Publish(await battery.ReadAsync(cancellationToken));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.BatteryReadFailed(logger, battery.Id, ex.Message);
        }
    }

    public async Task ApplyAsync(BatteryDecision decision, CancellationToken cancellationToken)
    {
        if (decision.Reason != _loggedReason)
        {
            _loggedReason = decision.Reason;
            Log.BatteryDecisionChanged(logger, battery.Id, decision.Reason, decision.Setpoint.Watts, decision.Detail);
        }

        try
        {
            await battery.SetPowerAsync(decision.Setpoint, cancellationToken);
            Interlocked.Increment(ref _sent);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.BatterySetpointFailed(logger, battery.Id, ex.Message);
        }
    }
}
