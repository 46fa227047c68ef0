using System.Globalization;
using System.Text;
using System.Text.Json;
using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Scenarios;

/// <summary>
/// Writes a <see cref="PlanningRequest"/> as a scenario folder (scenario.json + series.csv, the
/// shared/scenarios format) so that a live re-plan can be replayed with <c>gridedge scenario run
/// DIR --forecast perfect</c> or scored with score.py. The forecast is written as both forecast
/// and actual: the replay sees exactly what the planner saw.
/// </summary>
public static class ScenarioWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(PlanningRequest request, string directory, string name, string currency)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(directory);
        var scenario = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["description"] = "A live re-plan of GridEdge, stored with its inputs for replay.",
            ["slot_minutes"] = (int)request.SlotLength.TotalMinutes,
            ["slots"] = request.Slots.Count,
            ["start"] = request.Start.ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            ["currency"] = currency,
            ["grid"] = new Dictionary<string, double>
            {
                ["import_limit_kw"] = request.Grid.ImportLimitKw,
                ["export_limit_kw"] = request.Grid.ExportLimitKw,
                ["demand_charge_per_kw"] = request.Grid.DemandChargePerKw,
                ["existing_peak_kw"] = request.Grid.ExistingPeakKw,
            },
            ["battery"] = request.Battery is { } b ? new Dictionary<string, double>
            {
                ["capacity_kwh"] = b.MaxSocKwh,
                ["min_soc_kwh"] = b.MinSocKwh,
                ["max_soc_kwh"] = b.MaxSocKwh,
                // The format wants it inside the window; a live battery may have drifted just outside.
                ["initial_soc_kwh"] = Math.Clamp(request.BatterySocKwh, b.MinSocKwh, b.MaxSocKwh),
                ["terminal_min_soc_kwh"] = b.TerminalMinSocKwh,
                ["max_charge_kw"] = b.MaxChargeKw,
                ["max_discharge_kw"] = b.MaxDischargeKw,
                ["charge_efficiency"] = b.ChargeEfficiency,
                ["discharge_efficiency"] = b.DischargeEfficiency,
                ["cycle_cost_per_kwh"] = b.CycleCostPerKwh,
            } : null,
            ["evs"] = request.Vehicles.Select(v => new Dictionary<string, object>
            {
                ["id"] = v.Id,
                ["arrival_slot"] = v.ConnectedFromSlot,
                ["departure_slot"] = v.DepartureSlot,
                ["capacity_kwh"] = v.CapacityKwh,
                ["initial_energy_kwh"] = v.EnergyKwh,
                ["target_energy_kwh"] = v.TargetEnergyKwh,
                ["max_charge_kw"] = v.Charge.MaxKw,
                ["min_charge_kw"] = v.Charge.MinKw,
                ["max_discharge_kw"] = v.Discharge.MaxKw,
                ["min_discharge_kw"] = v.Discharge.MinKw,
                ["charge_efficiency"] = v.ChargeEfficiency,
                ["discharge_efficiency"] = v.DischargeEfficiency,
                ["min_energy_kwh"] = v.MinEnergyKwh,
            }).ToList(),
            ["penalties"] = new Dictionary<string, double>
            {
                ["unmet_energy_per_kwh"] = request.Penalties.UnmetEnergyPerKwh,
                ["co2_price_per_kg"] = request.Penalties.Co2PricePerKg,
            },
            ["series"] = "series.csv",
        };
        File.WriteAllText(Path.Combine(directory, "scenario.json"), JsonSerializer.Serialize(scenario, Indented));

        var series = new StringBuilder("slot,pv_forecast_kw,pv_actual_kw,load_forecast_kw,load_actual_kw,import_price,export_price,co2_g_per_kwh\n");
        for (var i = 0; i < request.Slots.Count; i++)
        {
            var s = request.Slots[i];
            series.Append(CultureInfo.InvariantCulture, $"{i},{s.PvKw:R},{s.PvKw:R},{s.LoadKw:R},{s.LoadKw:R},{s.ImportPrice:R},{s.ExportPrice:R},{s.Co2GramsPerKwh:R}\n");
        }

        File.WriteAllText(Path.Combine(directory, "series.csv"), series.ToString());
    }
}
