using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>Tuning of the real-time controller. Defaults follow common practice of evcc/OpenEMS installs.</summary>
public sealed record ControlSettings
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Surplus kept back before cars get it.</summary>
    public Power Reserve { get; init; } = new(100);

    /// <summary>Grid meter older than this puts the site in fail-safe.</summary>
    public TimeSpan StaleAfter { get; init; } = TimeSpan.FromSeconds(3);

    public FailSafeAction FailSafeAction { get; init; } = FailSafeAction.MinCurrent;

    /// <summary>Charger readings older than this make that chargepoint go to its safe value.</summary>
    public TimeSpan ChargerStaleAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Surplus must cover the minimum power this long before a solar charge starts.</summary>
    public TimeSpan EnableDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Surplus must stay below the minimum power this long before a solar charge stops.</summary>
    public TimeSpan DisableDelay { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Extra surplus above the minimum power needed to start.</summary>
    public Power EnableThreshold { get; init; } = Power.Zero;

    /// <summary>Grid import tolerated below the minimum power before the stop timer runs.</summary>
    public Power DisableThreshold { get; init; } = Power.Zero;

    /// <summary>
    /// Kept free below the fuse on every phase (and its power below the import limit): a feedback
    /// controller acts one cycle late, and PV fading under a cloud raises the load a little each second.
    /// </summary>
    public Current GridMargin { get; init; } = new(0.5);

    /// <summary>Current changes smaller than this are not sent (except reductions a limit requires).</summary>
    public Current Deadband { get; init; } = new(0.5);

    /// <summary>Largest current increase per second of a running charge; decreases apply at once.</summary>
    public Current RampUpPerSecond { get; init; } = new(2);

    /// <summary>Surplus must favour the other phase count this long before a switch.</summary>
    public TimeSpan PhaseSwitchDelay { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>Charging pause around a phase switch (contactor and vehicle need it).</summary>
    public TimeSpan PhaseSwitchPause { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a setpoint stays valid; drivers refresh it before it expires.</summary>
    public TimeSpan SetpointTtl { get; init; } = TimeSpan.FromSeconds(10);
}
