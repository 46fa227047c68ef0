namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Prices a dispatch exactly as the README's cost formula (the same parts as score.py): energy,
/// demand charge on the highest wall-clock half hour, battery wear, unmet energy at departure, CO2.
/// Feasibility is score.py's job; this is the run summary's arithmetic.
/// </summary>
public static class DispatchScorer
{
    public static DispatchScore Score(Scenario scenario, IReadOnlyList<DispatchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(rows);
        var dt = scenario.SlotHours;
        var s = scenario.Series;
        double import = 0, export = 0, co2Kg = 0, discharged = 0;
        var windows = new Dictionary<long, double>();
        for (var t = 0; t < rows.Count; t++)
        {
            var row = rows[t];
            import += row.ImportKw * s.ImportPrice[t] * dt;
            export += row.ExportKw * s.ExportPrice[t] * dt;
            co2Kg += row.ImportKw * dt * s.Co2GramsPerKwh[t] / 1000.0;
            discharged += Math.Max(0, -row.BatteryKw) * dt;
            var window = Model.DemandWindows.Of(scenario.Start + (scenario.SlotLength * t));
            windows[window] = windows.GetValueOrDefault(window) + (row.ImportKw * dt);
        }

        var peak = windows.Count == 0 ? 0 : windows.Values.Max() / 0.5;
        var unmet = UnmetByVehicle(scenario, rows);
        var unmetKwh = unmet.Values.Sum();
        var cost = new DispatchCost(
            0,
            import,
            export,
            scenario.Grid.DemandChargePerKw * Math.Max(0, peak - scenario.Grid.ExistingPeakKw),
            (scenario.Battery?.Spec.CycleCostPerKwh ?? 0) * discharged,
            scenario.Penalties.UnmetEnergyPerKwh * unmetKwh,
            scenario.Penalties.Co2PricePerKg * co2Kg);
        cost = cost with { Total = cost.EnergyImport - cost.EnergyExportRevenue + cost.DemandCharge + cost.BatteryCycle + cost.UnmetPenalty + cost.Co2 };
        return new DispatchScore(cost, unmetKwh, unmet, peak, co2Kg);
    }

    private static Dictionary<string, double> UnmetByVehicle(Scenario scenario, IReadOnlyList<DispatchRow> rows)
    {
        var unmet = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var k = 0; k < scenario.Vehicles.Count; k++)
        {
            var v = scenario.Vehicles[k];
            var energy = v.InitialEnergyKwh;
            for (var t = v.ArrivalSlot; t < v.DepartureSlot && t < rows.Count; t++)
            {
                energy = EnergyRecursion.After(v, energy, rows[t].VehicleKw[k], scenario.SlotHours);
            }

            var short_ = v.TargetEnergyKwh - energy;
            unmet[v.Id] = short_ > 1e-6 ? short_ : 0;
        }

        return unmet;
    }
}
