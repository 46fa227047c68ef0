using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// A benchmark scenario of the shared/scenarios format (its README is the contract): a site, a
/// horizon of slots, plug-in sessions and the forecast and actual series.
/// </summary>
public sealed record Scenario(
    string Name,
    int SlotMinutes,
    int Slots,
    DateTimeOffset Start,
    string Currency,
    GridTerms Grid,
    ScenarioBattery? Battery,
    IReadOnlyList<ScenarioVehicle> Vehicles,
    Penalties Penalties,
    ScenarioSeries Series)
{
    public TimeSpan SlotLength => TimeSpan.FromMinutes(SlotMinutes);

    public double SlotHours => SlotMinutes / 60.0;
}
