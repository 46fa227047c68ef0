using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>A scenario's battery: the planner's spec plus where it starts.</summary>
public sealed record ScenarioBattery(BatterySpec Spec, double CapacityKwh, double InitialSocKwh);
