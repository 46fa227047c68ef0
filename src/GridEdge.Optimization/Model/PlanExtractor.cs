using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>Turns a <see cref="Solution"/> into the immutable <see cref="Plan"/> the controller follows.</summary>
internal static class PlanExtractor
{
    /// <summary>Below this a power is solver noise, not a setpoint.</summary>
    private const double Noise = 1e-6;

    public static Plan ToPlan(PlanModel model, Solution solution, PlanStatistics statistics)
    {
        var m = model.Context;
        var request = m.Request;
        var perSlot = new List<VehicleSlotPlan>[m.Horizon];
        for (var t = 0; t < m.Horizon; t++)
        {
            perSlot[t] = [];
        }

        var shortfall = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < model.Vehicles.Count; k++)
        {
            AddVehicle(model.Vehicles[k], solution.Vehicles[k], perSlot);
            if (model.Vehicles[k].Vehicle.DepartureSlot <= m.Horizon)
            {
                shortfall[model.Vehicles[k].Vehicle.Id] = solution.Vehicles[k].ShortfallKwh;
            }
        }

        var ceiling = model.Demand is { } demand
            ? Math.Min(request.Grid.ImportLimitKw, demand.PeakSoFarKw + solution.DemandExcessKw)
            : request.Grid.ImportLimitKw;
        var slots = new PlanSlot[m.Horizon];
        for (var t = 0; t < m.Horizon; t++)
        {
            // Import and export never both: report the net flow.
            var net = solution.Import[t] - solution.Export[t];
            slots[t] = new PlanSlot(
                request.Start + (request.SlotLength * t),
                Math.Max(0, net),
                Math.Max(0, -net),
                Math.Max(ceiling, Math.Max(0, net)),
                Clean(solution.BatteryNet?[t] ?? 0),
                solution.Soc?[t] ?? 0,
                Math.Max(0, request.Slots[t].PvKw - solution.PvUsed[t]),
                perSlot[t]);
        }

        return new Plan(request.Start, request.SlotLength, slots, shortfall, solution.Objective, statistics);
    }

    private static void AddVehicle(VehicleVariables vehicle, VehicleValues values, List<VehicleSlotPlan>[] perSlot)
    {
        var v = vehicle.Vehicle;
        var perSlotGain = vehicle.SlotHours * v.Charge.MaxKw * v.ChargeEfficiency;
        for (var j = 0; j < vehicle.Count; j++)
        {
            // Least energy after this slot from which the rest of the connected slots still reach the target,
            // or the plan's own energy where the plan accepts a shortfall (a few Wh are not worth a minimum-power slot).
            var remaining = vehicle.Count - 1 - j;
            var reachable = Math.Max(v.FloorKwh, Math.Min(v.CapacityKwh, vehicle.TargetKwh - (remaining * perSlotGain)));
            var least = Math.Min(reachable, Math.Max(v.FloorKwh, values.Energy[j]));
            perSlot[vehicle.First + j].Add(new VehicleSlotPlan(v.Id, Clean(values.Charge[j] - values.Discharge[j]), values.Energy[j], least));
        }
    }

    private static double Clean(double value) => Math.Abs(value) < Noise ? 0 : value;
}
