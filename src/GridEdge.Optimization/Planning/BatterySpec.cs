namespace GridEdge.Optimization.Planning;

/// <summary>A stationary battery: AC-side power limits, usable SoC window, efficiencies and wear cost.</summary>
public sealed record BatterySpec(
    double MinSocKwh,
    double MaxSocKwh,
    double TerminalMinSocKwh,
    double MaxChargeKw,
    double MaxDischargeKw,
    double ChargeEfficiency,
    double DischargeEfficiency,
    double CycleCostPerKwh);
