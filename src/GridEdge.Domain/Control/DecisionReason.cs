namespace GridEdge.Domain.Control;

/// <summary>Why the controller chose a chargepoint's setpoint. Recorded with every decision.</summary>
public enum DecisionReason
{
    ModeOff,
    NotPluggedIn,
    VehicleFull,
    ChargerFault,
    ChargerStale,
    FailSafe,
    MaxCurrent,
    Surplus,
    MinimumCurrent,
    WaitingForSurplus,
    StopDelay,
    StoppedNoSurplus,
    GridLimit,
    GridLimitStopped,
    RampUp,
    Deadband,
    PhaseSwitchPause,
    V2hDischarge,
    V2hReserve,
    Planned,
    PlanIdle,

    /// <summary>Held so that the open half hour's average import stays at the billed (or planned) peak.</summary>
    DemandLimit,
}
