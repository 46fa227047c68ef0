using GridEdge.Domain.Site;

namespace GridEdge.Control;

/// <summary>What the controller remembers about one chargepoint between cycles: last command, timers, phase switching.</summary>
internal sealed class ChargePointRuntime(ChargePointDefinition definition)
{
    public ChargePointDefinition Definition { get; } = definition;

    public ChargeMode Mode { get; set; } = definition.Mode;

    /// <summary>Current per phase last commanded; 0 = stopped.</summary>
    public double CommandedAmperes { get; set; }

    /// <summary>Phases last commanded (for switchable chargepoints, the phase count in use).</summary>
    public int Phases { get; set; } = definition.Phases;

    public bool IsRunning => CommandedAmperes > 0;

    /// <summary>Power last commanded for V2H discharge (positive watts); 0 when not discharging.</summary>
    public double CommandedDischargeWatts { get; set; }

    /// <summary>Since when surplus has been enough to start; null while it is not.</summary>
    public DateTimeOffset? SurplusSince { get; set; }

    /// <summary>Since when surplus has been too low to continue; null while it is enough.</summary>
    public DateTimeOffset? DeficitSince { get; set; }

    /// <summary>Since when surplus has favoured the other phase count.</summary>
    public DateTimeOffset? PhaseCandidateSince { get; set; }

    /// <summary>End of the charging pause of a phase switch in progress.</summary>
    public DateTimeOffset? PhaseSwitchPauseUntil { get; set; }

    /// <summary>Since when the vehicle has drawn clearly less than commanded (tapering, on-board charger limit).</summary>
    public DateTimeOffset? UnderdrawSince { get; set; }

    public int PhaseSwitchCount { get; set; }

    public int StartCount { get; set; }

    public void ResetSurplusTimers()
    {
        SurplusSince = null;
        DeficitSince = null;
        PhaseCandidateSince = null;
    }
}
