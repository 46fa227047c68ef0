using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// The real-time part of a scenario run: applies the plan's current slot to what actually happens.
/// Cars start at the plan's setpoints (0 or ≥ their minimum, within their energy window), the battery
/// at its planned power. What the forecast got wrong first moves the grid toward 0 (less export or less
/// import), then goes to the battery and to the cars within their plan bands where that pays (see
/// <see cref="VehicleFlex"/>); the half hour's import is held at the plan's billed peak where anything is
/// flexible; PV is curtailed where export is limited or priced negative and where import is paid (negative
/// import price), cars are shed at the import limit.
/// </summary>
internal sealed class SlotController(Scenario scenario)
{
    private const double Tiny = 1e-9;

    /// <summary>How often a planned car power had to be rounded to 0 or the charger's minimum here.</summary>
    public int MinPowerRoundings { get; private set; }

    public DispatchRow Apply(int slot, PlanSlot? planned, SiteState state)
    {
        var s = scenario.Series;
        var pv = Math.Max(0, s.PvActualKw[slot]);
        var load = s.LoadActualKw[slot];
        var vehicles = VehiclePowers(slot, planned, state);
        var (minBattery, maxBattery) = BatteryRange(slot, state);
        var battery = Math.Clamp(planned?.BatteryKw ?? 0, minBattery, maxBattery);
        var flex = Flexes(slot, planned, state, vehicles);

        // Where the plan put the grid (without a plan: self-consumption, grid at 0). What the forecast
        // got wrong goes first to the grid's cheap side (less export, less import), then to whoever
        // values the energy most: the battery, cars within their bands, the grid at its price.
        var target = planned is null ? 0 : planned.GridImportKw - planned.GridExportKw;
        // Only what the forecast got wrong moves the grid; what rounding the cars changed stays with the battery.
        var rounding = vehicles.Sum() - (planned?.Vehicles.Sum(p => p.PowerKw) ?? vehicles.Sum());
        // Where import will be paid within a day, the plan curtails PV to keep the battery and cars' room for
        // that paid import: such PV is not a surplus to soak up. Elsewhere a surplus is worth storing.
        var planCurtailed = PaidImportAhead(slot) ? Math.Min(pv, planned?.PvCurtailedKw ?? 0) : 0;
        var gap = load - (pv - planCurtailed) + vehicles.Sum() - rounding + battery - target;
        if (gap > 0)
        {
            // A deficit takes back curtailed PV first: it costs nothing.
            var restore = Math.Min(gap, planCurtailed);
            planCurtailed -= restore;
            gap -= restore;
        }

        // Where the grid stands before anything flexes: a surplus is worth what it displaces there.
        var position = target + gap + rounding;
        if (gap > 0 && target < 0)
        {
            gap = Math.Max(0, gap + target);
        }
        else if (gap < 0 && target > 0)
        {
            gap = Math.Min(0, gap + target);
        }

        gap += rounding;

        if (gap > 0)
        {
            var take = Math.Min(gap, battery - minBattery);
            battery -= take;
            gap -= take;
            gap = BackOff(vehicles, flex, gap, s.ImportPrice[slot]);
        }
        else if (gap < 0)
        {
            // A discharge the house did not need stays in the battery first: nothing is lost by it.
            var keep = Math.Min(-gap, Math.Max(0, -battery));
            battery += keep;
            gap += keep;
            var price = position > 0 ? s.ImportPrice[slot] : s.ExportPrice[slot];
            gap = Soak(vehicles, flex, gap, price, s.ImportPrice[slot]);
            var give = Math.Min(-gap, maxBattery - battery);
            battery += give;
        }

        // The grid's net import with the powers as they stand.
        double Net() => load - (pv - planCurtailed) + vehicles.Sum() + battery;
        var net = Net();
        var ceiling = ImportCeiling(slot, planned, state);
        if (net > ceiling)
        {
            // The plan's billed peak: hold it with whatever is flexible before the grid takes it.
            var take = Math.Min(net - ceiling, battery - minBattery);
            battery -= take;
            BackOff(vehicles, flex, net - ceiling - take, double.PositiveInfinity);
            net = Net();
        }

        if (net > scenario.Grid.ImportLimitKw)
        {
            ShedForImportLimit(net, vehicles, ref battery, minBattery);
            net = Net();
        }

        var curtailed = planCurtailed;
        if (net > 0 && s.ImportPrice[slot] >= 0)
        {
            // Never buy what curtailed PV could supply.
            var restore = Math.Min(net, curtailed);
            curtailed -= restore;
            net -= restore;
        }

        if (s.ImportPrice[slot] < 0)
        {
            // Paid to import: PV that is used only displaces paid import, so it is curtailed as far as the
            // import limit and the planned peak leave room.
            var paid = Math.Clamp(Math.Min(scenario.Grid.ImportLimitKw, ceiling) - net, 0, pv - curtailed);
            curtailed += paid;
            net += paid;
        }

        if (net < 0)
        {
            // Curtailment is free: never export above the limit or at a negative price.
            var allowed = s.ExportPrice[slot] < 0 ? 0 : scenario.Grid.ExportLimitKw;
            var excess = Math.Min(pv - curtailed, Math.Max(0, -net - allowed));
            curtailed += excess;
            net += excess;
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

    private bool PaidImportAhead(int slot)
    {
        var prices = scenario.Series.ImportPrice;
        var end = Math.Min(prices.Length, slot + (int)(TimeSpan.FromDays(1) / scenario.SlotLength));
        for (var t = slot; t < end; t++)
        {
            if (prices[t] < 0)
            {
                return true;
            }
        }

        return false;
    }

    private VehicleFlex?[] Flexes(int slot, PlanSlot? planned, SiteState state, double[] vehicles)
    {
        var flex = new VehicleFlex?[vehicles.Length];
        for (var k = 0; k < vehicles.Length; k++)
        {
            var v = scenario.Vehicles[k];
            if (v.ConnectedIn(slot))
            {
                var plan = planned?.Vehicles.FirstOrDefault(p => p.VehicleId == v.Id);
                flex[k] = VehicleFlex.Of(scenario, k, slot, state.VehicleEnergyKwh[k], plan, vehicles[k]);
            }
        }

        return flex;
    }

    /// <summary>
    /// Covers up to <paramref name="gap"/> kW more demand by charging cars less or discharging them more,
    /// within their bands, where a kWh now (at <paramref name="price"/>) costs more than buying it back
    /// later; cars whose energy is cheapest to replace first. Returns what is left.
    /// </summary>
    private static double BackOff(double[] vehicles, VehicleFlex?[] flex, double gap, double price)
    {
        foreach (var f in flex.OfType<VehicleFlex>().OrderBy(f => f.EnergyValue).ThenByDescending(f => vehicles[f.Index]))
        {
            if (gap <= Tiny)
            {
                break;
            }

            var v = f.Vehicle;
            var replace = vehicles[f.Index] > 0 ? f.EnergyValue : f.EnergyValue / (v.ChargeEfficiency * v.DischargeEfficiency);
            if (replace >= price)
            {
                continue;
            }

            var power = f.Snap(vehicles[f.Index] - gap);
            gap -= vehicles[f.Index] - power;
            vehicles[f.Index] = power;
        }

        return Math.Max(0, gap);
    }

    /// <summary>
    /// Puts up to −<paramref name="gap"/> kW of unexpected surplus into cars (less discharge, more charge)
    /// within their bands where a kWh stored is worth more than the grid pays now. A charger's minimum may
    /// take a car past the surplus only where what storing the surplus gains outweighs what the rest, bought
    /// at <paramref name="importPrice"/>, loses. Returns what is left (≤ 0).
    /// </summary>
    private static double Soak(double[] vehicles, VehicleFlex?[] flex, double gap, double price, double importPrice)
    {
        foreach (var f in flex.OfType<VehicleFlex>().OrderByDescending(f => f.EnergyValue).ThenBy(f => vehicles[f.Index]))
        {
            if (gap >= -Tiny)
            {
                break;
            }

            if (f.EnergyValue <= price)
            {
                continue;
            }

            var power = f.Snap(vehicles[f.Index] - gap);
            var overshoot = power - vehicles[f.Index] + gap;
            if (overshoot > Tiny && (f.EnergyValue - price) * -gap < (importPrice - f.EnergyValue) * overshoot)
            {
                power = f.SnapBelow(vehicles[f.Index] - gap);
            }

            if (power <= vehicles[f.Index])
            {
                continue;
            }

            gap += power - vehicles[f.Index];
            vehicles[f.Index] = power;
        }

        return Math.Min(0, gap);
    }

    /// <summary>
    /// The import this slot may have without the open half hour's average crossing the plan's billed peak
    /// (with what was already imported in it and what the plan still expects there).
    /// </summary>
    private double ImportCeiling(int slot, PlanSlot? planned, SiteState state)
    {
        if (planned is null || scenario.Grid.DemandChargePerKw <= 0)
        {
            return double.PositiveInfinity;
        }

        var dt = scenario.SlotHours;
        var time = scenario.Start + (scenario.SlotLength * slot);
        var window = Model.DemandWindows.Of(time);
        var later = Model.DemandWindows.Of(time + scenario.SlotLength) == window ? planned.GridImportKw * dt : 0;
        var allowed = ((planned.ImportCeilingKw * 0.5) - state.ImportIn(window) - later) / dt;
        return Math.Max(allowed, planned.GridImportKw);
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
