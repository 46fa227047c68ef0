using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Control;

/// <summary>What one chargepoint would like this cycle before the grid limits are applied.</summary>
internal sealed class ChargeIntent(ChargePointRuntime runtime, ChargePointSample sample)
{
    public ChargePointRuntime Runtime { get; } = runtime;

    public ChargePointSample Sample { get; } = sample;

    /// <summary>
    /// Most current per phase worth offering: the vehicle's own limit once it has shown one by drawing
    /// less than commanded, else the chargepoint's maximum. Offering more would only park capacity.
    /// </summary>
    public double UsefulAmperes { get; set; } = double.PositiveInfinity;

    /// <summary>Phases the vehicle was seen drawing on, when fewer than commanded (a one-phase car on a three-phase chargepoint).</summary>
    public int? ObservedPhases { get; set; }

    /// <summary>Phases the vehicle really draws on.</summary>
    public int EffectivePhases => ObservedPhases is { } observed ? Math.Min(observed, Runtime.Phases) : Runtime.Phases;

    /// <summary>For mode plan: the power the plan asks for now (W); null when no plan covers now.</summary>
    public double? PlannedWatts { get; set; }

    /// <summary>Surplus (W) the fair share gave this chargepoint; for minsolar on top of its minimum.</summary>
    public double SurplusShareWatts { get; set; }

    public double Amperes { get; set; }

    public DecisionReason Reason { get; set; }

    public string Detail { get; set; } = "";
}
