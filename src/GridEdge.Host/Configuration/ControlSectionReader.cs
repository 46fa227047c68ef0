using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Reads the optional <c>control:</c> section; every key defaults to <see cref="ControlSettings"/>.
/// Defaults that must exceed the interval (stale_after, charger_stale_after: ≥ interval;
/// setpoint_ttl: ≥ 2 × interval) grow with a long interval.
/// </summary>
internal static class ControlSectionReader
{
    private static readonly TimeSpan MinInterval = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxInterval = TimeSpan.FromSeconds(10);

    public static ControlSettings Read(ConfigMap root)
    {
        var defaults = new ControlSettings();
        if (root.OptionalMap("control") is not { } control)
        {
            return defaults;
        }

        var interval = control.OptionalDuration("interval", MinInterval, MaxInterval) ?? defaults.Interval;
        var failsafe = control.OptionalMap("failsafe");
        return defaults with
        {
            Interval = interval,
            Reserve = Watts(control.OptionalNumber("reserve_w", Bounds.NonNegative)) ?? defaults.Reserve,
            StaleAfter = failsafe?.OptionalDuration("stale_after", interval) ?? Max(defaults.StaleAfter, interval),
            FailSafeAction = failsafe?.OptionalKeyword("action", SiteKeywords.FailSafeActions) ?? defaults.FailSafeAction,
            ChargerStaleAfter = failsafe?.OptionalDuration("charger_stale_after", interval) ?? Max(defaults.ChargerStaleAfter, interval),
            EnableDelay = control.OptionalDuration("enable_delay") ?? defaults.EnableDelay,
            DisableDelay = control.OptionalDuration("disable_delay") ?? defaults.DisableDelay,
            EnableThreshold = Watts(control.OptionalNumber("enable_threshold_w", Bounds.NonNegative)) ?? defaults.EnableThreshold,
            DisableThreshold = Watts(control.OptionalNumber("disable_threshold_w", Bounds.NonNegative)) ?? defaults.DisableThreshold,
            Deadband = Amperes(control.OptionalNumber("deadband_a", Bounds.Between(0, 5))) ?? defaults.Deadband,
            GridMargin = Amperes(control.OptionalNumber("grid_margin_a", Bounds.Between(0, 10))) ?? defaults.GridMargin,
            RampUpPerSecond = Amperes(control.OptionalNumber("ramp_up_a_per_s", Bounds.Positive)) ?? defaults.RampUpPerSecond,
            PhaseSwitchDelay = control.OptionalDuration("phase_switch_delay") ?? defaults.PhaseSwitchDelay,
            PhaseSwitchPause = control.OptionalDuration("phase_switch_pause") ?? defaults.PhaseSwitchPause,
            SetpointTtl = control.OptionalDuration("setpoint_ttl", 2 * interval) ?? Max(defaults.SetpointTtl, 2 * interval),
        };
    }

    private static Power? Watts(double? value) => value is { } w ? new Power(w) : null;

    private static Current? Amperes(double? value) => value is { } a ? new Current(a) : null;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a >= b ? a : b;
}
