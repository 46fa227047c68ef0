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
}
