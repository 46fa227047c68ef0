using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// The real-time part of a scenario run: applies the plan's current slot to what actually happens.
/// Cars get the plan's setpoints (kept to 0 or ≥ their minimum and within their energy window), the
/// battery absorbs the difference between actual and expected PV/load within its limits, the grid
/// balances the rest, PV is curtailed where export is limited or priced negative, and cars are shed
/// if the import limit would be crossed.
/// </summary>
internal sealed class SlotController(Scenario scenario)
{
    private const double Tiny = 1e-9;

    /// <summary>How often a planned car power had to be rounded to 0 or the charger's minimum here.</summary>
    public int MinPowerRoundings { get; private set; }

    public DispatchRow Apply(int slot, PlanSlot? planned, SiteState state)
    {
        var dt = scenario.SlotHours;
        var s = scenario.Series;
        var pv = Math.Max(0, s.PvActualKw[slot]);
        var load = s.LoadActualKw[slot];
        var vehicles = VehiclePowers(slot, planned, state);

        // Keep the grid where the plan put it: the battery takes what the forecast got wrong.
        var plannedGrid = planned is null ? 0 : planned.GridImportKw - planned.GridExportKw;
        var (minBattery, maxBattery) = BatteryRange(slot, state);
        var battery = planned?.BatteryKw ?? 0;
        if (scenario.Battery is not null)
        {
            var withoutBattery = load - pv + vehicles.Sum();
            battery = planned is null ? -withoutBattery : plannedGrid - withoutBattery;
        }

        battery = Math.Clamp(battery, minBattery, maxBattery);
        var net = load - pv + vehicles.Sum() + battery;
        if (net > scenario.Grid.ImportLimitKw)
        {
            ShedForImportLimit(net, vehicles, ref battery, minBattery);
            net = load - pv + vehicles.Sum() + battery;
        }

        var curtailed = 0.0;
        if (net < 0)
        {
            // Curtailment is free: never export above the limit or at a negative price.
            var allowed = s.ExportPrice[slot] < 0 ? 0 : scenario.Grid.ExportLimitKw;
            curtailed = Math.Min(pv, Math.Max(0, -net - allowed));
            net += curtailed;
            if (-net > allowed + Tiny)
            {
                var more = Math.Min(maxBattery - battery, -net - allowed);
                battery += more;
                net += more;
            }
        }

        Advance(slot, state, vehicles, battery, net);
        return new DispatchRow(Math.Max(0, net), Math.Max(0, -net), battery, curtailed, vehicles);
    }

    private double[] VehiclePowers(int slot, PlanSlot? planned, SiteState state)
    {
        var dt = scenario.SlotHours;
        var powers = new double[scenario.Vehicles.Count];
        for (var k = 0; k < powers.Length; k++)
        {
            var v = scenario.Vehicles[k];
            if (!v.ConnectedIn(slot))
            {
                continue;
            }

            var power = planned?.Vehicles.FirstOrDefault(p => p.VehicleId == v.Id)?.PowerKw
                ?? Fallback(v, state.VehicleEnergyKwh[k]);
            var energy = state.VehicleEnergyKwh[k];
            powers[k] = power >= 0
                ? SemiContinuous(power, v.Charge, (v.CapacityKwh - energy) / (v.ChargeEfficiency * dt))
                : -SemiContinuous(-power, v.Discharge, (energy - v.FloorKwh) * v.DischargeEfficiency / dt);
            var minimum = power >= 0 ? v.Charge.MinKw : v.Discharge.MinKw;
            if (Math.Abs(power) > 1e-3 && Math.Abs(power) < minimum - 1e-3)
            {
                MinPowerRoundings++;
            }
        }

        return powers;
    }

    /// <summary>Without a plan: charge at full power until the target is in the car (the rule-based fallback).</summary>
    private static double Fallback(ScenarioVehicle v, double energy) => energy < v.TargetEnergyKwh ? v.Charge.MaxKw : 0;

    /// <summary>0 or within [min, max] and never above <paramref name="room"/>; halfway to the minimum rounds up.</summary>
    private static double SemiContinuous(double power, ChargerRange range, double room)
    {
        var p = Math.Min(Math.Min(power, range.MaxKw), Math.Max(0, room));
        if (p <= Tiny)
        {
            return 0;
        }

        if (p >= range.MinKw)
        {
            return p;
        }

        return p >= range.MinKw / 2 && room >= range.MinKw ? range.MinKw : 0;
    }

    /// <summary>
    /// Battery power range this slot: power limits, the SoC window, and enough SoC left that the
    /// terminal minimum can still be reached by charging at full power in the remaining slots.
    /// </summary>
    private (double Min, double Max) BatteryRange(int slot, SiteState state)
    {
        if (scenario.Battery is not { } b)
        {
            return (0, 0);
        }

        var dt = scenario.SlotHours;
        var spec = b.Spec;
        var remaining = scenario.Slots - 1 - slot;
        var lowest = Math.Max(spec.MinSocKwh, spec.TerminalMinSocKwh - (remaining * spec.MaxChargeKw * spec.ChargeEfficiency * dt));
        var soc = state.BatterySocKwh;
        var maxCharge = Math.Min(spec.MaxChargeKw, Math.Max(0, (spec.MaxSocKwh - soc) / (spec.ChargeEfficiency * dt)));
        var maxDischarge = Math.Min(spec.MaxDischargeKw, Math.Max(0, (soc - lowest) * spec.DischargeEfficiency / dt));
        // Below the reachable path to the terminal minimum (live deviations took it there): charge back now.
        var mustCharge = Math.Clamp((lowest - soc) / (spec.ChargeEfficiency * dt), 0, maxCharge);
        return (mustCharge > 0 ? mustCharge : -maxDischarge, maxCharge);
    }

    /// <summary>Over the import limit: discharge the battery further, then switch cars down, largest first.</summary>
    private void ShedForImportLimit(double net, double[] vehicles, ref double battery, double minBattery)
    {
        var excess = net - scenario.Grid.ImportLimitKw;
        var fromBattery = Math.Min(excess, battery - minBattery);
        battery -= fromBattery;
        excess -= fromBattery;
        foreach (var k in Enumerable.Range(0, vehicles.Length).OrderByDescending(k => vehicles[k]))
        {
            if (excess <= Tiny || vehicles[k] <= 0)
            {
                break;
            }

            var min = scenario.Vehicles[k].Charge.MinKw;
            var reduced = vehicles[k] - excess >= min ? vehicles[k] - excess : 0;
            excess -= vehicles[k] - reduced;
            vehicles[k] = reduced;
        }
    }

    private void Advance(int slot, SiteState state, double[] vehicles, double battery, double net)
    {
        var dt = scenario.SlotHours;
        for (var k = 0; k < vehicles.Length; k++)
        {
            state.VehicleEnergyKwh[k] = EnergyRecursion.After(scenario.Vehicles[k], state.VehicleEnergyKwh[k], vehicles[k], dt);
        }

        if (scenario.Battery is { } b)
        {
            state.BatterySocKwh = EnergyRecursion.After(state.BatterySocKwh, battery, dt, b.Spec.ChargeEfficiency, b.Spec.DischargeEfficiency);
        }

        state.AddImport(Model.DemandWindows.Of(scenario.Start + (scenario.SlotLength * slot)), Math.Max(0, net) * dt);
    }
}
