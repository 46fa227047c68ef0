namespace GridEdge.Host.Runtime;

/// <summary>The JSON summary `gridedge run --duration` prints last on stdout (keys per CLI.md, snake_case).</summary>
internal sealed record RunSummary
{
    public required string Site { get; init; }

    public required double DurationS { get; init; }

    public required long Cycles { get; init; }

    public required RunEnergy EnergyWh { get; init; }

    /// <summary>Share of PV energy used on site, 0–1; null without PV.</summary>
    public required double? SelfConsumption { get; init; }

    public required double MaxGridImportW { get; init; }

    /// <summary>Highest wall-clock half-hour (:00/:30, site clock) average grid import: what a demand charge bills.</summary>
    public required double MaxHalfHourImportW { get; init; }

    public required double MaxGridPhaseCurrentA { get; init; }

    public required double GridImportLimitW { get; init; }

    public required double GridMaxCurrentA { get; init; }

    /// <summary>Cycles in which the grid meter showed more than the import limit or the fuse on a phase.</summary>
    public required long GridLimitExceededCycles { get; init; }

    /// <summary>Longest run of consecutive such cycles; 1 means every excess was corrected by the next cycle.</summary>
    public required long GridLimitLongestExcessCycles { get; init; }

    public required long SetpointsSent { get; init; }

    public required long FailsafeEvents { get; init; }

    public required long FailsafeCycles { get; init; }

    public required IReadOnlyDictionary<string, RunChargePoint> ChargePoints { get; init; }

    public required RunTelemetry Telemetry { get; init; }

    /// <summary>The controlled battery's energy in and out (AC) and its state of charge at the first and last cycle; null without one.</summary>
    public RunBattery? Battery { get; init; }
}

internal sealed record RunEnergy(double GridImport, double GridExport, double Pv, double EvCharged, double EvDischarged);

internal sealed record RunBattery(double ChargedWh, double DischargedWh, double SocStart, double SocEnd);

internal sealed record RunChargePoint(double EvChargedWh, int Starts, int PhaseSwitches);
