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

    /// <summary>A battery without a plan keeps the house's own import and export at zero.</summary>
    SelfConsumption,

    /// <summary>A battery at its highest allowed state of charge takes no more.</summary>
    BatteryFull,

    /// <summary>A battery at its lowest allowed state of charge gives no more.</summary>
    BatteryEmpty,
}
