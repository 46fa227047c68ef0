using GridEdge.Optimization.Model;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Builds the planner's plain-record input from a scenario at a given slot: the horizon's expected
/// PV and load (forecast or actual columns), prices, the cars still to come or plugged in with their
/// energy as it really is, the battery's SoC and the demand already incurred.
/// </summary>
public static class ScenarioRequests
{
    /// <summary>The whole scenario as one perfect-foresight horizon (what reference.py solves, without binaries).</summary>
    public static PlanningRequest WholeHorizon(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var energies = scenario.Vehicles.Select(v => v.InitialEnergyKwh).ToArray();
        return At(scenario, 0, scenario.Slots, ForecastMode.Perfect, scenario.Battery?.InitialSocKwh ?? 0, energies, new DemandState(scenario.Grid.ExistingPeakKw, 0), null);
    }

    /// <summary>The request for the horizon of <paramref name="horizon"/> slots from <paramref name="slot"/>.</summary>
    public static PlanningRequest At(
        Scenario scenario,
        int slot,
        int horizon,
        ForecastMode mode,
        double batterySocKwh,
        IReadOnlyList<double> vehicleEnergyKwh,
        DemandState demand,
        Plan? previous)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(vehicleEnergyKwh);
        var end = Math.Min(scenario.Slots, slot + horizon);
        var s = scenario.Series;
        var perfect = mode == ForecastMode.Perfect;
        var slots = new SlotConditions[end - slot];
        for (var t = slot; t < end; t++)
        {
            slots[t - slot] = new SlotConditions(
                perfect ? s.PvActualKw[t] : MeasuredDeviation.Pv(scenario, slot, t),
                perfect ? s.LoadActualKw[t] : MeasuredDeviation.Load(scenario, slot, t),
                s.ImportPrice[t],
                s.ExportPrice[t],
                s.Co2GramsPerKwh[t]);
        }

        var vehicles = new List<VehicleRequest>();
        for (var k = 0; k < scenario.Vehicles.Count; k++)
        {
            var v = scenario.Vehicles[k];
            if (v.DepartureSlot <= slot || v.ArrivalSlot >= end)
            {
                continue;
            }

            vehicles.Add(new VehicleRequest(
                v.Id,
                v.ArrivalSlot - slot,
                v.DepartureSlot - slot,
                vehicleEnergyKwh[k],
                v.TargetEnergyKwh,
                v.CapacityKwh,
                // The floor is fixed by what the car arrived with, not by what it holds now.
                v.FloorKwh,
                v.Charge,
                v.Discharge,
                v.ChargeEfficiency,
                v.DischargeEfficiency));
        }

        return new PlanningRequest(scenario.Start + (scenario.SlotLength * slot), scenario.SlotLength, slots, scenario.Grid, scenario.Penalties, vehicles)
        {
            Battery = scenario.Battery?.Spec,
            BatterySocKwh = batterySocKwh,
            Demand = demand,
            HorizonTruncated = end < scenario.Slots,
            Previous = previous,
            LoadSurpriseKw = perfect ? 0 : MeasuredDeviation.LoadSurpriseKw(scenario, slot),
        };
    }

    /// <summary>The demand state at <paramref name="slot"/> from what was really imported before it.</summary>
    internal static DemandState DemandAt(Scenario scenario, SiteState state, int slot)
    {
        var open = DemandWindows.Of(scenario.Start + (scenario.SlotLength * slot));
        return new DemandState(Math.Max(scenario.Grid.ExistingPeakKw, state.PeakOfClosedWindows(open)), state.ImportIn(open));
    }
}
