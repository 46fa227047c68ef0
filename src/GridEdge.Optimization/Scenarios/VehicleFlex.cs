using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// How far one connected car may move from its planned power in the current slot: the signed power
/// range (+ charge) that keeps it inside the plan's energy band (the target stays reachable at full
/// power, never below the V2H floor) and below the energy that is still of use (the target, or the
/// capacity for a bidirectional car), and what a kWh in it is worth: the cheapest import price left
/// before it departs, i.e. what charging it later would cost.
/// </summary>
internal readonly record struct VehicleFlex(int Index, double LowestKw, double HighestKw, double EnergyValue, ScenarioVehicle Vehicle)
{
    private const double EnergyToleranceKwh = 1e-4;

    public static VehicleFlex Of(Scenario scenario, int index, int slot, double energy, VehicleSlotPlan? planned, double plannedKw)
    {
        var v = scenario.Vehicles[index];
        var dt = scenario.SlotHours;
        var remaining = v.DepartureSlot - 1 - slot;
        var least = planned?.MinEnergyAfterKwh
            ?? Math.Max(v.FloorKwh, Math.Min(v.CapacityKwh, v.TargetEnergyKwh - (remaining * v.Charge.MaxKw * v.ChargeEfficiency * dt)));
        least = Math.Max(least, v.FloorKwh);
        // A car within a few Wh of its band's edge is at it: float noise must not force a minimum-power slot.
        var lowest = energy >= least - EnergyToleranceKwh
            ? -Math.Min(v.Discharge.MaxKw, Math.Max(0, energy - least) * v.DischargeEfficiency / dt)
            : Math.Min(v.Charge.MaxKw, (least - energy) / (v.ChargeEfficiency * dt));
        var useful = v.Discharge.MaxKw > 0 ? v.CapacityKwh : v.TargetEnergyKwh;
        var highest = Math.Min(v.Charge.MaxKw, Math.Max(0, (useful - energy) / (v.ChargeEfficiency * dt)));
        highest = Math.Max(highest, Math.Max(lowest, plannedKw));
        var end = Math.Min(scenario.Slots, v.DepartureSlot);
        var value = double.PositiveInfinity;
        for (var t = slot + 1; t < end; t++)
        {
            value = Math.Min(value, scenario.Series.ImportPrice[t]);
        }

        // In its last slot nothing can be bought for the car later: energy beyond its band is worth nothing here.
        return new VehicleFlex(index, lowest, highest, double.IsPositiveInfinity(value) ? 0 : value, v);
    }

    /// <summary>The power closest to <paramref name="desired"/> that the charger can run (0 or ≥ its minimum) within the band.</summary>
    public double Snap(double desired)
    {
        var p = Math.Clamp(desired, LowestKw, HighestKw);
        var v = Vehicle;
        if (p > 0 && p < v.Charge.MinKw)
        {
            var up = v.Charge.MinKw <= HighestKw ? v.Charge.MinKw : double.NaN;
            var down = LowestKw <= 0 ? 0 : double.NaN;
            return Closest(p, up, down);
        }

        if (p < 0 && -p < v.Discharge.MinKw)
        {
            var up = LowestKw <= 0 ? 0 : double.NaN;
            var down = -v.Discharge.MinKw >= LowestKw ? -v.Discharge.MinKw : double.NaN;
            return Closest(p, up, down);
        }

        return p;
    }

    /// <summary>The highest power the charger can run at or below <paramref name="desired"/> within the band (the band's floor if none).</summary>
    public double SnapBelow(double desired)
    {
        var p = Math.Clamp(desired, LowestKw, HighestKw);
        var v = Vehicle;
        if (p > 0 && p < v.Charge.MinKw)
        {
            return LowestKw <= 0 ? 0 : Snap(p);
        }

        if (p < 0 && -p < v.Discharge.MinKw)
        {
            return -v.Discharge.MinKw >= LowestKw ? -v.Discharge.MinKw : Snap(p);
        }

        return p;
    }

    private static double Closest(double p, double a, double b) =>
        double.IsNaN(a) ? (double.IsNaN(b) ? p : b) : double.IsNaN(b) ? a : Math.Abs(p - a) <= Math.Abs(p - b) ? a : b;
}
