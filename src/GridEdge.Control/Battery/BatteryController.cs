using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Control.Battery;

/// <summary>
/// Decides the site battery's power each cycle, after the chargepoints. With a plan it aims for the
/// plan's grid power: what the forecast got wrong first moves the grid toward zero (less import or less
/// export, which costs nothing), and what would push it further out goes to the battery. Without a plan it
/// keeps the house's own import and export at zero (self-consumption), never discharging into the cars.
/// Then the battery's limits and state-of-charge window, and above them the import limit, each phase's
/// fuse and the half-hour demand ceiling, which it charges less or discharges for where it can.
/// </summary>
public sealed class BatteryController(BatteryDefinition battery, ControlSettings settings)
{
    /// <summary>Setpoints are rounded to this: no charger or inverter resolves less, and it stops 1 W chatter.</summary>
    private const double ResolutionWatts = 10;

    /// <summary>State of charge within this of a bound counts as at it (SoC registers resolve 0.1–1 %).</summary>
    private const double SocTolerance = 0.002;

    /// <summary>Zero: the battery holds (no reading, no trusted grid meter, gateway stopping).</summary>
    public BatteryDecision Hold(DecisionReason reason, string why) => new(battery.Id, Power.Zero, reason, $"{why}: hold");

    /// <summary>What the cycle measured that the battery's decision needs.</summary>
    /// <param name="GridPower">The grid meter's power (+ import).</param>
    /// <param name="HouseNetPower">The site without chargepoints and battery (+ consumption, PV negative).</param>
    /// <param name="UnplannedCharging">What chargepoints outside mode plan draw: the plan does not know it, and the battery does not pay for it.</param>
    /// <param name="ImportCeiling">The most the grid may import now: the import limit, or less to hold the half-hour peak.</param>
    /// <param name="DemandBinds">True when <paramref name="ImportCeiling"/> is the demand ceiling rather than the import limit.</param>
    /// <param name="PhaseRoom">The most the battery may draw for the fuse of its most loaded phase (it spreads over all phases).</param>
    public readonly record struct Site(Power GridPower, Power HouseNetPower, Power UnplannedCharging, Power ImportCeiling, bool DemandBinds, Power PhaseRoom);

    /// <param name="reading">The battery's latest reading.</param>
    /// <param name="site">What the cycle measured.</param>
    /// <param name="plan">The plan's slot now, when it plans the battery.</param>
    /// <param name="now">The cycle's time.</param>
    public BatteryDecision Decide(Reading<BatterySample>? reading, Site site, ChargingPlanSlot? plan, DateTimeOffset now)
    {
        if (reading is null || !reading.IsUsableAt(now, settings.ChargerStaleAfter))
        {
            return Hold(DecisionReason.FailSafe, reading is null ? "no battery reading" : "battery reading stale or invalid");
        }

        var present = reading.Value;
        // The grid as it would be with the battery idle.
        var withoutBattery = site.GridPower.Watts - present.Power.Watts;
        double watts;
        DecisionReason reason;
        string detail;
        if (plan is { Battery: { } planned, Grid: { } target })
        {
            // The plan's grid power covers the house and the planned cars; a car charging outside the plan is
            // left to the grid rather than drained from the battery.
            var known = withoutBattery - site.UnplannedCharging.Watts;
            var grid = Math.Clamp(known + planned.Watts, Math.Min(target.Watts, 0), Math.Max(target.Watts, 0));
            watts = grid - known;
            reason = DecisionReason.Planned;
            detail = string.Create(CultureInfo.InvariantCulture, $"plan: battery {planned.Kilowatts:0.00} kW, grid {target.Kilowatts:0.00} kW");
        }
        else
        {
            // Soak up any export; cover only the house's own import, not what the cars draw.
            watts = withoutBattery < 0 ? -withoutBattery : -Math.Min(withoutBattery, Math.Max(0, site.HouseNetPower.Watts));
            reason = DecisionReason.SelfConsumption;
            detail = "no plan: grid toward zero";
        }

        var (lowest, highest) = Range(present.StateOfCharge);
        if (watts > highest && highest == 0)
        {
            (reason, detail) = (DecisionReason.BatteryFull, Percent("full", present.StateOfCharge));
        }
        else if (watts < lowest && lowest == 0)
        {
            (reason, detail) = (DecisionReason.BatteryEmpty, Percent("empty", present.StateOfCharge));
        }

        watts = Math.Clamp(watts, lowest, highest);

        var overTotal = withoutBattery + watts - site.ImportCeiling.Watts;
        var overPhase = watts - site.PhaseRoom.Watts;
        if (Math.Max(overTotal, overPhase) > 0 && watts > lowest)
        {
            watts = Math.Max(lowest, watts - Math.Max(overTotal, overPhase));
            reason = site.DemandBinds && overTotal >= overPhase ? DecisionReason.DemandLimit : DecisionReason.GridLimit;
            detail = overPhase > overTotal
                ? string.Create(CultureInfo.InvariantCulture, $"phase fuse: at most {site.PhaseRoom.Kilowatts:0.00} kW")
                : string.Create(CultureInfo.InvariantCulture, $"{(site.DemandBinds ? "half-hour demand" : "import limit")} {site.ImportCeiling.Kilowatts:0.00} kW");
        }

        return new BatteryDecision(battery.Id, new Power(Math.Round(watts / ResolutionWatts) * ResolutionWatts), reason, detail);
    }

    /// <summary>Power range now: the battery's limits, none of it beyond the state-of-charge window.</summary>
    private (double Lowest, double Highest) Range(double soc)
    {
        var charge = soc >= battery.MaxStateOfCharge - SocTolerance ? 0 : battery.MaxChargePower.Watts;
        var discharge = soc <= battery.MinStateOfCharge + SocTolerance ? 0 : battery.MaxDischargePower.Watts;
        return (-discharge, charge);
    }

    private static string Percent(string state, double soc) => string.Create(CultureInfo.InvariantCulture, $"{state} at {soc * 100:0.#} %");
}
