namespace GridEdge.Optimization.Planning;

/// <summary>
/// One planned slot. Import and export are the expected averages; <see cref="ImportCeilingKw"/> is the
/// band's top, the import the controller may draw without raising the planned demand charge or
/// crossing the grid limit. Battery power is signed (+ charge, − discharge), AC side.
/// </summary>
public sealed record PlanSlot(
    DateTimeOffset Start,
    double GridImportKw,
    double GridExportKw,
    double ImportCeilingKw,
    double BatteryKw,
    double BatterySocAfterKwh,
    double PvCurtailedKw,
    IReadOnlyList<VehicleSlotPlan> Vehicles);
