using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Tests.Planning;

/// <summary>Small hand-checkable planning requests: no PV, flat load, generous grid unless a test says otherwise.</summary>
internal static class Requests
{
    public static readonly DateTimeOffset Noon = new(2026, 7, 15, 12, 0, 0, TimeSpan.FromHours(9));

    public static PlanningRequest Of(TimeSpan slot, IReadOnlyList<SlotConditions> slots, params VehicleRequest[] vehicles) =>
        new(Noon, slot, slots, new GridTerms(100, 100), new Penalties(1000, 0), vehicles);

    public static SlotConditions Price(double importPrice, double loadKw = 0) => new(0, loadKw, importPrice, 0, 0);

    /// <summary>A unidirectional car with ηc = 1 connected from slot 0 to <paramref name="departure"/>.</summary>
    public static VehicleRequest Car(int departure, double energy, double target, double maxKw, double minKw = 0) =>
        new("car", 0, departure, energy, target, 100, 0, new ChargerRange(minKw, maxKw), ChargerRange.None, 1, 1);

    public static double Power(Plan plan, int slot, string id = "car") =>
        plan.Slots[slot].Vehicles.Single(v => v.VehicleId == id).PowerKw;
}
