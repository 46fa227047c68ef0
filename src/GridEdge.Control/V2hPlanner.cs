using System.Globalization;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;

namespace GridEdge.Control;

/// <summary>
/// Vehicle-to-home: while the house would import, a chargepoint in mode <c>v2h</c> — or in mode
/// <c>plan</c> in a slot the plan discharges — discharges its car to cover the house load (never
/// more, so the car does not feed the grid unless allowed; then at least the planned power), down to
/// the car's minimum state of charge. With surplus it charges like <c>solar</c> (or follows the plan)
/// instead, which the surplus planner handles.
/// </summary>
internal static class V2hPlanner
{
    /// <summary>Below this house import, discharging is not worth starting.</summary>
    private const double StartWatts = 150;

    /// <summary>Discharge changes smaller than this are not sent.</summary>
    private const double DeadbandWatts = 100;

    /// <summary>A car stopped at its minimum charge restarts only this much above it.</summary>
    private const double RestartMargin = 0.02;

    /// <summary>Decisions for the v2h chargepoints that discharge (or hold their reserve) this cycle.</summary>
    public static IEnumerable<(ChargeIntent Intent, ChargePointDecision Decision)> Discharge(
        IReadOnlyList<ChargeIntent> intents, double baseWatts, ControlSettings settings, DateTimeOffset now)
    {
        var candidates = intents.Where(Discharges).ToList();
        if (candidates.Count == 0 || (baseWatts < StartWatts && candidates.All(c => c.Runtime.CommandedDischargeWatts <= 0)) || baseWatts <= 0)
        {
            foreach (var intent in candidates)
            {
                intent.Runtime.CommandedDischargeWatts = 0;
            }

            yield break;
        }

        var share = baseWatts / candidates.Count;
        foreach (var intent in candidates)
        {
            yield return (intent, Decide(intent, share, settings, now));
        }
    }

    private static bool Discharges(ChargeIntent intent) =>
        intent.Runtime.Definition.Bidirectional
        && (intent.Runtime.Mode == ChargeMode.V2h || (intent.Runtime.Mode == ChargeMode.Plan && intent.PlannedWatts < 0));

    private static ChargePointDecision Decide(ChargeIntent intent, double houseWatts, ControlSettings settings, DateTimeOffset now)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        var soc = intent.Sample.Vehicle?.StateOfCharge;
        var floor = definition.V2hMinStateOfCharge + (runtime.CommandedDischargeWatts > 0 ? 0 : RestartMargin);
        if (soc is null || soc <= floor)
        {
            runtime.CommandedAmperes = 0;
            runtime.CommandedDischargeWatts = 0;
            var why = soc is null
                ? "vehicle state of charge unknown: no discharge"
                : string.Create(CultureInfo.InvariantCulture, $"state of charge {soc:P0} at or below the reserve {definition.V2hMinStateOfCharge:P0}");
            return new ChargePointDecision(definition.Id, Setpoint.ForCurrent(definition.Id, default, runtime.Phases, definition.Voltage, now, settings.SetpointTtl), DecisionReason.V2hReserve, why);
        }

        var limit = definition.MaxDischarge.Watts;
        var planned = -(intent.PlannedWatts ?? 0);
        var export = planned > 0 ? Math.Max(houseWatts, planned) : limit;
        var target = Math.Min(limit, definition.V2hExport ? export : houseWatts);
        var last = runtime.CommandedDischargeWatts;
        // Hold small changes, but never hold a value that would push power into the grid.
        if (last > 0 && Math.Abs(target - last) < DeadbandWatts && (definition.V2hExport || last <= houseWatts))
        {
            target = last;
        }

        runtime.CommandedAmperes = 0;
        runtime.CommandedDischargeWatts = target;
        var setpoint = Setpoint.ForPower(definition.Id, new(-target), runtime.Phases, definition.Voltage, now, settings.SetpointTtl);
        var planNote = planned > 0 ? string.Create(CultureInfo.InvariantCulture, $"plan discharges {planned:0} W; ") : "";
        var detail = string.Create(CultureInfo.InvariantCulture, $"{planNote}house draws {houseWatts:0} W: discharging {target:0} W (limit {limit:0} W, state of charge {soc:P0})");
        return new ChargePointDecision(definition.Id, setpoint, DecisionReason.V2hDischarge, detail);
    }
}
