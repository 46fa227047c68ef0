using Microsoft.Extensions.Logging;

namespace GridEdge.Optimization;

/// <summary>Every log line of the planner, source-generated. Event ids 6000–6999.</summary>
internal static partial class Log
{
    [LoggerMessage(6000, LogLevel.Warning, "Planner: {Solver} returned {Status} for a {Slots}-slot horizon; no plan")]
    public static partial void SolveFailed(ILogger logger, string solver, string status, int slots);

    [LoggerMessage(6001, LogLevel.Information, "Planner: minimum-power repair pass {Pass} re-solve returned {Status}; keeping the previous pass")]
    public static partial void RepairGaveUp(ILogger logger, int pass, string status);

    [LoggerMessage(6002, LogLevel.Debug, "Planner: {Slots} slots, {Vehicles} vehicles, objective {Objective}, {Solves} solves, {Milliseconds} ms")]
    public static partial void Planned(ILogger logger, int slots, int vehicles, double objective, int solves, double milliseconds);

    [LoggerMessage(6003, LogLevel.Information, "Planner: the exact MIP ({Decisions} on/off decisions) returned {Status}; planning with LP and repair")]
    public static partial void ExactGaveUp(ILogger logger, int decisions, string status);

    [LoggerMessage(6010, LogLevel.Information, "Schedule {Name}: new schedule from {Origin}")]
    public static partial void ScheduleUpdated(ILogger logger, string name, string origin);

    [LoggerMessage(6011, LogLevel.Error, "Schedule {Name} rejected, keeping the previous one: {Error}")]
    public static partial void ScheduleRejected(ILogger logger, string name, string error);

    [LoggerMessage(6012, LogLevel.Warning, "Schedule {Name}: {Origin} failed, keeping the previous schedule: {Error}")]
    public static partial void ScheduleFetchFailed(ILogger logger, string name, string origin, string error);
}
