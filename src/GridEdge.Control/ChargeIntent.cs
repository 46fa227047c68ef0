using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Control;

/// <summary>What one chargepoint would like this cycle before the grid limits are applied.</summary>
internal sealed class ChargeIntent(ChargePointRuntime runtime, ChargePointSample sample)
{
    public ChargePointRuntime Runtime { get; } = runtime;

    public ChargePointSample Sample { get; } = sample;

    /// <summary>Surplus (W) the fair share gave this chargepoint; for minsolar on top of its minimum.</summary>
    public double SurplusShareWatts { get; set; }

    public double Amperes { get; set; }

    public DecisionReason Reason { get; set; }

    public string Detail { get; set; } = "";
}
