namespace GridEdge.Telemetry.Schema;

/// <summary>
/// One slot of the optimiser's plan in plain values, recorded as the <c>plan</c> measurement
/// (Telemetry does not know the optimiser's types; the host maps its Plan to these).
/// </summary>
/// <param name="SlotStart">Start of the slot: the points' time, so a re-plan overwrites the slot.</param>
/// <param name="GridImportKw">Planned import from the grid (≥ 0).</param>
/// <param name="GridExportKw">Planned export to the grid (≥ 0).</param>
/// <param name="BatteryKw">Planned battery power, + charging, − discharging.</param>
/// <param name="VehicleKw">Planned power per vehicle id, + charging, − discharging (V2H).</param>
public sealed record PlanSlotSample(
    DateTimeOffset SlotStart,
    double GridImportKw,
    double GridExportKw,
    double BatteryKw,
    IReadOnlyDictionary<string, double> VehicleKw);
