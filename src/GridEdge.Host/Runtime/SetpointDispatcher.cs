using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Control;
using GridEdge.Domain.Units;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host.Runtime;

/// <summary>
/// Desired state → device: sends a chargepoint's setpoint only when it differs meaningfully from
/// the last one sent, or when the last one is halfway to expiry and must be refreshed.
/// </summary>
internal sealed class SetpointDispatcher(IReadOnlyDictionary<string, IChargePoint> chargePoints, ILogger logger)
{
    private static readonly Current Tolerance = new(0.05);
    private readonly Dictionary<string, Setpoint> _lastSent = new(StringComparer.Ordinal);
    private long _sent;
    private long _failed;

    public long Sent => Interlocked.Read(ref _sent);

    public long Failed => Interlocked.Read(ref _failed);

    public async Task DispatchAsync(IReadOnlyList<ChargePointDecision> decisions, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var decision in decisions)
        {
            var setpoint = decision.Setpoint;
            _lastSent.TryGetValue(setpoint.ChargePointId, out var last);
            var refreshDue = last is not null && now >= last.IssuedAt + ((last.ExpiresAt - last.IssuedAt) / 2);
            if (!setpoint.DiffersFrom(last, Tolerance) && !refreshDue)
            {
                continue;
            }

            try
            {
                await chargePoints[setpoint.ChargePointId].ApplyAsync(setpoint, cancellationToken);
                _lastSent[setpoint.ChargePointId] = setpoint;
                Interlocked.Increment(ref _sent);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // Not remembered as sent: the next cycle tries again.
                Interlocked.Increment(ref _failed);
                Log.SetpointFailed(logger, setpoint.ChargePointId, ex.Message);
            }
        }
    }
}
