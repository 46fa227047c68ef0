using GridEdge.Domain.Units;

namespace GridEdge.Domain.Control;

/// <summary>One control cycle's outcome: the site figures it acted on and a decision per chargepoint.</summary>
public sealed record ControlDecision
{
    public required DateTimeOffset Time { get; init; }

    /// <summary>True when the grid meter could not be trusted and chargers went to their safe value.</summary>
    public required bool FailSafe { get; init; }

    /// <summary>Grid power measured (+ import).</summary>
    public required Power GridPower { get; init; }

    /// <summary>Site consumption without the chargepoints and the battery (+ consumption); PV shows up as negative.</summary>
    public required Power BaseLoad { get; init; }

    /// <summary>Surplus available to chargepoints after the reserve.</summary>
    public required Power Surplus { get; init; }

    public required IReadOnlyList<ChargePointDecision> ChargePoints { get; init; }

    /// <summary>The battery's command; null when the site has no controlled battery.</summary>
    public BatteryDecision? Battery { get; init; }
}
