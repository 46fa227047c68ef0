using GridEdge.Domain.Control;
using Microsoft.Extensions.Logging;

namespace GridEdge.Host;

/// <summary>Every log line of the gateway host, source-generated. Event ids 1000–1999.</summary>
internal static partial class Log
{
    [LoggerMessage(1000, LogLevel.Information, "Site {SiteId} started: {Meters} meters, {ChargePoints} chargepoints, control every {IntervalMs} ms")]
    public static partial void SiteStarted(ILogger logger, string siteId, int meters, int chargePoints, double intervalMs);

    [LoggerMessage(1001, LogLevel.Information, "Site {SiteId} stopped after {Cycles} control cycles")]
    public static partial void SiteStopped(ILogger logger, string siteId, long cycles);

    [LoggerMessage(1010, LogLevel.Warning, "Meter {MeterId} read failed: {Error}")]
    public static partial void MeterReadFailed(ILogger logger, string meterId, string error);

    [LoggerMessage(1011, LogLevel.Warning, "Chargepoint {ChargePointId} read failed: {Error}")]
    public static partial void ChargePointReadFailed(ILogger logger, string chargePointId, string error);

    [LoggerMessage(1012, LogLevel.Warning, "Setpoint to chargepoint {ChargePointId} failed: {Error}")]
    public static partial void SetpointFailed(ILogger logger, string chargePointId, string error);

    [LoggerMessage(1020, LogLevel.Warning, "Fail-safe entered: {Reason}")]
    public static partial void FailSafeEntered(ILogger logger, string reason);

    [LoggerMessage(1021, LogLevel.Information, "Fail-safe left: grid meter readings are back")]
    public static partial void FailSafeLeft(ILogger logger);

    [LoggerMessage(1030, LogLevel.Information, "Chargepoint {ChargePointId}: {Reason} → {CurrentA} A on {Phases} phase(s) ({Detail})")]
    public static partial void DecisionChanged(ILogger logger, string chargePointId, DecisionReason reason, double currentA, int phases, string detail);

    [LoggerMessage(1040, LogLevel.Error, "Control cycle failed; the next cycle starts from fresh readings")]
    public static partial void CycleFailed(ILogger logger, Exception exception);

    [LoggerMessage(1041, LogLevel.Warning, "MQTT API publish failed: {Error}")]
    public static partial void ApiPublishFailed(ILogger logger, string error);

    [LoggerMessage(1042, LogLevel.Debug, "Simulated charger {ChargePointId} could not publish: {Error}")]
    public static partial void SimulatedChargerSilent(ILogger logger, string chargePointId, string error);

    [LoggerMessage(1043, LogLevel.Warning, "Planning failed, keeping the plan in force: {Error}")]
    public static partial void PlanFailed(ILogger logger, string error);

    [LoggerMessage(1044, LogLevel.Warning, "Schedule {Name}: no feed, {Error}")]
    public static partial void ScheduleFeedUnavailable(ILogger logger, string name, string error);

    [LoggerMessage(1050, LogLevel.Information, "Dashboard and API on {Url}")]
    public static partial void Listening(ILogger logger, string url);

    [LoggerMessage(1060, LogLevel.Warning, "Battery {BatteryId}: reading failed: {Error}")]
    public static partial void BatteryReadFailed(ILogger logger, string batteryId, string error);

    [LoggerMessage(1061, LogLevel.Warning, "Battery {BatteryId}: setpoint failed: {Error}")]
    public static partial void BatterySetpointFailed(ILogger logger, string batteryId, string error);

    [LoggerMessage(1062, LogLevel.Information, "Battery {BatteryId}: {Reason} → {SetpointW} W ({Detail})")]
    public static partial void BatteryDecisionChanged(ILogger logger, string batteryId, DecisionReason reason, double setpointW, string detail);
}
