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

    public string Id => battery.Id;

    /// <summary>Zero: the battery holds (no reading, no trusted grid meter, gateway stopping).</summary>
    public BatteryDecision Hold(DecisionReason reason, string why) => new(battery.Id, Power.Zero, reason, $"{why}: hold");

    /// <param name="reading">The battery's latest reading.</param>
    /// <param name="gridPower">The grid meter's power (+ import).</param>
    /// <param name="houseNetPower">The site without chargepoints and battery (+ consumption, PV negative).</param>
    /// <param name="plan">The plan's slot now, when it plans the battery.</param>
    /// <param name="importCeiling">The most the grid may import now: the import limit, or less to hold the half-hour peak.</param>
    /// <param name="demandBinds">True when <paramref name="importCeiling"/> is the demand ceiling rather than the import limit.</param>
    /// <param name="phaseRoom">The most the battery may draw for the fuse of its most loaded phase (it spreads over all phases).</param>
    public BatteryDecision Decide(Reading<BatterySample>? reading, Power gridPower, Power houseNetPower, ChargingPlanSlot? plan, Power importCeiling, bool demandBinds, Power phaseRoom, DateTimeOffset now)
    {
        if (reading is null || !reading.IsUsableAt(now, settings.ChargerStaleAfter))
        {
            return Hold(DecisionReason.FailSafe, reading is null ? "no battery reading" : "battery reading stale or invalid");
        }

        var present = reading.Value;
        // The grid as it would be with the battery idle.
        var withoutBattery = gridPower.Watts - present.Power.Watts;
        double watts;
        DecisionReason reason;
        string detail;
        if (plan is { Battery: { } planned, Grid: { } target })
        {
            var expected = withoutBattery + planned.Watts;
            var grid = Math.Clamp(expected, Math.Min(target.Watts, 0), Math.Max(target.Watts, 0));
            watts = grid - withoutBattery;
            reason = DecisionReason.Planned;
            detail = string.Create(CultureInfo.InvariantCulture, $"plan: battery {planned.Kilowatts:0.00} kW, grid {target.Kilowatts:0.00} kW");
        }
        else
        {
            // Soak up any export; cover only the house's own import, not what the cars draw.
            watts = withoutBattery < 0 ? -withoutBattery : -Math.Min(withoutBattery, Math.Max(0, houseNetPower.Watts));
            reason = DecisionReason.SelfConsumption;
            detail = "no plan: grid toward zero";
        }

        var (lowest, highest) = Range(present.StateOfCharge);
        if (watts > highest)
        {
            (watts, reason, detail) = highest <= 0 && watts > 0
                ? (highest, DecisionReason.BatteryFull, Percent("full", present.StateOfCharge))
                : (highest, reason, detail);
        }
        else if (watts < lowest)
        {
            (watts, reason, detail) = lowest >= 0 && watts < 0
                ? (lowest, DecisionReason.BatteryEmpty, Percent("empty", present.StateOfCharge))
                : (lowest, reason, detail);
        }

        var overTotal = withoutBattery + watts - importCeiling.Watts;
        var overPhase = watts - phaseRoom.Watts;
        if (Math.Max(overTotal, overPhase) > 0 && watts > lowest)
        {
            watts = Math.Max(lowest, watts - Math.Max(overTotal, overPhase));
            reason = demandBinds && overTotal >= overPhase ? DecisionReason.DemandLimit : DecisionReason.GridLimit;
            detail = overPhase > overTotal
                ? string.Create(CultureInfo.InvariantCulture, $"phase fuse: at most {phaseRoom.Kilowatts:0.00} kW")
                : string.Create(CultureInfo.InvariantCulture, $"{(demandBinds ? "half-hour demand" : "import limit")} {importCeiling.Kilowatts:0.00} kW");
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
