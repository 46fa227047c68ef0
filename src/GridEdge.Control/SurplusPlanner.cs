using System.Globalization;
using GridEdge.Control.Allocation;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;

namespace GridEdge.Control;

/// <summary>
/// Turns PV surplus into what each chargepoint would like: `now` takes its maximum, `minsolar` its
/// minimum plus a share, `solar` a share only — shares fair within a priority, with start/stop
/// delays and phase switching so that setpoints do not flap when the surplus hovers at a threshold.
/// </summary>
internal sealed class SurplusPlanner(ControlSettings settings)
{
    /// <summary>Fills Amperes/Reason of every intent (phase switch pauses are reported with Amperes 0).</summary>
    public void Plan(IReadOnlyList<ChargeIntent> intents, double surplusWatts, DateTimeOffset now)
    {
        var pool = surplusWatts;
        foreach (var intent in intents)
        {
            var runtime = intent.Runtime;
            if (runtime.Mode == ChargeMode.Now)
            {
                // A car on `now` charges anyway: its draw is not surplus for the others.
                pool -= Math.Max(0, intent.Sample.Power.Watts);
            }
            else if (runtime.Mode == ChargeMode.MinSolar)
            {
                pool -= MinimumWatts(intent, intent.EffectivePhases);
            }
            else if (runtime.Mode == ChargeMode.Plan)
            {
                pool -= PlanFloorWatts(intent);
            }
        }

        var requests = new ShareRequest[intents.Count];
        for (var i = 0; i < intents.Count; i++)
        {
            requests[i] = ShareRequestFor(intents[i]);
        }

        var shares = new double[intents.Count];
        FairShareAllocator.Allocate([pool], requests, shares);

        for (var i = 0; i < intents.Count; i++)
        {
            var intent = intents[i];
            intent.SurplusShareWatts = shares[i];
            if (SwitchPhasesIfDue(intent, now))
            {
                continue;
            }

            switch (intent.Runtime.Mode)
            {
                case ChargeMode.Now:
                    intent.Amperes = Math.Min(intent.Runtime.Definition.MaxCurrent.Amperes, Math.Max(intent.Runtime.Definition.MinCurrent.Amperes, intent.UsefulAmperes));
                    intent.Reason = DecisionReason.MaxCurrent;
                    intent.Detail = "mode now";
                    break;
                case ChargeMode.MinSolar:
                    PlanMinSolar(intent);
                    break;
                case ChargeMode.Plan:
                    FollowPlan(intent);
                    break;
                default:
                    PlanSolar(intent, now);
                    break;
            }
        }
    }

    private ShareRequest ShareRequestFor(ChargeIntent intent)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        var vehicleLimited = !double.IsPositiveInfinity(intent.UsefulAmperes);
        var maxPhases = definition.PhaseSwitching && !vehicleLimited ? definition.Phases : intent.EffectivePhases;
        var minPhases = definition.PhaseSwitching ? 1 : intent.EffectivePhases;
        // A vehicle that showed its own limit asks only for what it takes, even below the charger minimum.
        var maxWatts = Math.Min(definition.MaxCurrent.Amperes, intent.UsefulAmperes) * definition.Voltage.Volts * maxPhases;
        return runtime.Mode switch
        {
            ChargeMode.Solar or ChargeMode.V2h => new ShareRequest(
                maxWatts,
                MinimumWatts(intent, minPhases)
                    + (runtime.IsRunning ? -settings.DisableThreshold.Watts : settings.EnableThreshold.Watts),
                definition.Priority,
                runtime.IsRunning,
                [1.0]),
            ChargeMode.Plan => new ShareRequest(
                Math.Max(0, maxWatts - PlanFloorWatts(intent)),
                0,
                definition.Priority,
                runtime.IsRunning,
                [1.0]),
            ChargeMode.MinSolar => new ShareRequest(
                Math.Max(0, maxWatts - MinimumWatts(intent, intent.EffectivePhases)),
                0,
                definition.Priority,
                runtime.IsRunning,
                [1.0]),
            _ => new ShareRequest(0, 0, definition.Priority, runtime.IsRunning, [1.0]),
        };
    }

    /// <summary>Power this chargepoint could use from the surplus, its guaranteed minimum included.</summary>
    private static double AvailableWatts(ChargeIntent intent) =>
        intent.Runtime.Mode == ChargeMode.MinSolar
            ? intent.SurplusShareWatts + MinimumWatts(intent, intent.EffectivePhases)
            : intent.SurplusShareWatts;

    /// <summary>
    /// Decides whether a switchable chargepoint should change its phase count. Idle chargepoints
    /// switch at once; a running one only after the surplus favoured the other count for the
    /// switch delay, and then with a charging pause. Returns true while that pause lasts.
    /// </summary>
    private bool SwitchPhasesIfDue(ChargeIntent intent, DateTimeOffset now)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        if (!definition.PhaseSwitching)
        {
            return false;
        }

        var wanted = WantedPhases(intent);
        // A vehicle that limits itself (tapering near full) gains nothing from a switch.
        if (wanted == runtime.Phases || !double.IsPositiveInfinity(intent.UsefulAmperes))
        {
            runtime.PhaseCandidateSince = null;
            return false;
        }

        if (!runtime.IsRunning && intent.Sample.ChargeCurrent.Amperes < 0.5)
        {
            runtime.Phases = wanted;
            runtime.PhaseSwitchCount++;
            runtime.PhaseCandidateSince = null;
            return false;
        }

        runtime.PhaseCandidateSince ??= now;
        var delay = runtime.Mode == ChargeMode.Now ? TimeSpan.Zero : settings.PhaseSwitchDelay;
        if (now - runtime.PhaseCandidateSince < delay)
        {
            return false;
        }

        runtime.PhaseSwitchPauseUntil = now + settings.PhaseSwitchPause;
        intent.Detail = string.Create(CultureInfo.InvariantCulture, $"switching {runtime.Phases}→{wanted} phases");
        runtime.Phases = wanted;
        runtime.PhaseSwitchCount++;
        runtime.PhaseCandidateSince = null;
        // The charge was running on enough surplus: it resumes after the pause without a new start delay.
        runtime.SurplusSince = now - settings.EnableDelay;
        runtime.DeficitSince = null;
        intent.Amperes = 0;
        intent.Reason = DecisionReason.PhaseSwitchPause;
        return true;
    }

    private int WantedPhases(ChargeIntent intent)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        if (runtime.Mode == ChargeMode.Now)
        {
            return definition.Phases;
        }

        var available = AvailableWatts(intent);
        var threePhaseMinimum = definition.MinPower(3).Watts;
        if (available >= threePhaseMinimum + settings.EnableThreshold.Watts)
        {
            return 3;
        }

        return available < threePhaseMinimum - settings.DisableThreshold.Watts ? 1 : runtime.Phases;
    }

    /// <summary>
    /// The least surplus a running charge needs: its minimum current's power — or less, when the
    /// vehicle has shown it draws less (tapering near full): the setpoint stays at the charger's
    /// minimum, but only the real draw is taken from the surplus others share.
    /// </summary>
    private static double MinimumWatts(ChargeIntent intent, int phases) =>
        Math.Min(
            intent.Runtime.Definition.MinPower(phases).Watts,
            intent.UsefulAmperes * intent.Runtime.Definition.Voltage.Volts * intent.EffectivePhases);

    /// <summary>Current per phase that turns <paramref name="watts"/> into charge on the phases the vehicle really uses.</summary>
    private static double AmperesFor(ChargeIntent intent, double watts)
    {
        var definition = intent.Runtime.Definition;
        var upper = Math.Min(definition.MaxCurrent.Amperes, Math.Max(definition.MinCurrent.Amperes, intent.UsefulAmperes));
        return Math.Clamp(watts / (definition.Voltage.Volts * intent.EffectivePhases), definition.MinCurrent.Amperes, upper);
    }

    /// <summary>
    /// Mode plan: the planned power is a floor (the vehicle must reach its target by departure);
    /// surplus PV comes on top. Without a plan covering now, minimum current keeps the charge going
    /// until the planner answers (the rule-based fallback).
    /// </summary>
    private static double PlanFloorWatts(ChargeIntent intent) =>
        intent.PlannedWatts is { } planned ? Math.Max(0, planned) : MinimumWatts(intent, intent.EffectivePhases);

    private static void FollowPlan(ChargeIntent intent)
    {
        var floor = PlanFloorWatts(intent);
        var wanted = floor + intent.SurplusShareWatts;
        var minimum = MinimumWatts(intent, intent.EffectivePhases);
        if (wanted < minimum - 1)
        {
            // The plan idles this slot (cheaper later) and the surplus is too small to start.
            intent.Amperes = floor > 0 ? intent.Runtime.Definition.MinCurrent.Amperes : 0;
            intent.Reason = floor > 0 ? DecisionReason.Planned : DecisionReason.PlanIdle;
            intent.Detail = string.Create(CultureInfo.InvariantCulture, $"plan {floor:0} W, surplus {intent.SurplusShareWatts:0} W");
            return;
        }

        intent.Amperes = AmperesFor(intent, wanted);
        if (intent.PlannedWatts is > 0)
        {
            // The plan's energy is what the vehicle needs: a charger that takes whole steps (go-e: 1 A) is
            // rounded up to it, not down, or every slot falls short and a last minimum-current slot overshoots.
            var definition = intent.Runtime.Definition;
            var planned = new Domain.Units.Current(AmperesFor(intent, floor)).CeilingTo(definition.CurrentStep).Amperes;
            intent.Amperes = Math.Max(intent.Amperes, Math.Min(planned, definition.MaxCurrent.Amperes));
        }

        intent.Reason = intent.PlannedWatts is null ? DecisionReason.MinimumCurrent : DecisionReason.Planned;
        intent.Detail = intent.PlannedWatts is null
            ? "no plan yet: minimum current"
            : string.Create(CultureInfo.InvariantCulture, $"plan {floor:0} W + surplus {intent.SurplusShareWatts:0} W");
    }

    private static void PlanMinSolar(ChargeIntent intent)
    {
        intent.Amperes = AmperesFor(intent, AvailableWatts(intent));
        intent.Reason = intent.SurplusShareWatts > 1 ? DecisionReason.Surplus : DecisionReason.MinimumCurrent;
        intent.Detail = string.Create(CultureInfo.InvariantCulture, $"minimum + surplus share {intent.SurplusShareWatts:0} W");
    }

    private void PlanSolar(ChargeIntent intent, DateTimeOffset now)
    {
        var runtime = intent.Runtime;
        var definition = runtime.Definition;
        var available = AvailableWatts(intent);
        var minimum = MinimumWatts(intent, intent.EffectivePhases);
        var amperes = AmperesFor(intent, available);
        var shareText = string.Create(CultureInfo.InvariantCulture, $"surplus share {available:0} W, minimum {minimum:0} W on {intent.EffectivePhases} phase(s)");

        if (runtime.IsRunning)
        {
            if (available >= minimum - settings.DisableThreshold.Watts)
            {
                runtime.DeficitSince = null;
                Set(intent, amperes, DecisionReason.Surplus, shareText);
                return;
            }

            runtime.DeficitSince ??= now;
            var waited = now - runtime.DeficitSince.Value;
            if (waited >= settings.DisableDelay)
            {
                runtime.SurplusSince = null;
                Set(intent, 0, DecisionReason.StoppedNoSurplus, shareText);
            }
            else
            {
                Set(intent, definition.MinCurrent.Amperes, DecisionReason.StopDelay,
                    shareText + string.Create(CultureInfo.InvariantCulture, $"; stopping in {(settings.DisableDelay - waited).TotalSeconds:0} s"));
            }

            return;
        }

        if (available < minimum + settings.EnableThreshold.Watts)
        {
            runtime.SurplusSince = null;
            Set(intent, 0, DecisionReason.WaitingForSurplus, shareText);
            return;
        }

        runtime.SurplusSince ??= now;
        var enough = now - runtime.SurplusSince.Value;
        if (enough >= settings.EnableDelay)
        {
            runtime.DeficitSince = null;
            Set(intent, amperes, DecisionReason.Surplus, shareText);
        }
        else
        {
            Set(intent, 0, DecisionReason.WaitingForSurplus,
                shareText + string.Create(CultureInfo.InvariantCulture, $"; starting in {(settings.EnableDelay - enough).TotalSeconds:0} s"));
        }
    }

    private static void Set(ChargeIntent intent, double amperes, DecisionReason reason, string detail)
    {
        intent.Amperes = amperes;
        intent.Reason = reason;
        intent.Detail = detail;
    }
}
