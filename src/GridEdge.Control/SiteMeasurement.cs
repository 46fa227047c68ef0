using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Control;

/// <summary>
/// The site as one control cycle sees it: what the grid meter shows, what the chargepoints draw,
/// and therefore the base load (everything but the chargepoints, PV counted negative) and the
/// room left under the grid limits.
/// </summary>
internal sealed class SiteMeasurement
{
    private SiteMeasurement(Power gridPower, Power basePower, double[] phaseHeadroom, double totalHeadroomWatts, double[] chargerPhaseAmperes, Voltage voltage)
    {
        _chargerPhaseAmperes = chargerPhaseAmperes;
        _voltage = voltage;
        GridPower = gridPower;
        BasePower = basePower;
        PhaseHeadroomAmperes = phaseHeadroom;
        TotalHeadroomWatts = totalHeadroomWatts;
    }

    private readonly double[] _chargerPhaseAmperes;
    private readonly Voltage _voltage;

    public Power GridPower { get; }

    /// <summary>Consumption without chargepoints; negative when PV exceeds the house load.</summary>
    public Power BasePower { get; }

    /// <summary>Current per phase the chargepoints may draw in total (negative when the house alone overloads it).</summary>
    public double[] PhaseHeadroomAmperes { get; }

    /// <summary>Power the chargepoints may draw in total under the import limit.</summary>
    public double TotalHeadroomWatts { get; }

    /// <summary>
    /// Subtracts the draw of every chargepoint with a trusted reading, and the battery's power, from the
    /// grid meter. A chargepoint without one stays inside the base load, which only makes the headroom
    /// smaller. The battery is left out of the base load so that cars and battery do not chase each
    /// other: the cars see the PV surplus, the battery balances what is left.
    /// </summary>
    public static SiteMeasurement From(
        GridConnection grid,
        Current margin,
        MeterSample gridSample,
        IReadOnlyList<(ChargePointDefinition Definition, ChargePointSample Sample)> trustedChargePoints,
        Power batteryPower = default)
    {
        var phases = grid.Phases;
        var phaseCurrents = new double[phases];
        if (gridSample.PhaseCurrents.Count == phases)
        {
            for (var p = 0; p < phases; p++)
            {
                phaseCurrents[p] = gridSample.PhaseCurrents[p].Amperes;
            }
        }
        else
        {
            // Meter reports totals only: assume a balanced load.
            Array.Fill(phaseCurrents, gridSample.Power.PerPhaseCurrent(grid.Voltage, phases).Amperes);
        }

        var chargersPower = Power.Zero;
        var chargerCurrents = new double[phases];
        foreach (var (definition, sample) in trustedChargePoints)
        {
            chargersPower += sample.Power;
            var signedCurrent = Math.Sign(sample.Power.Watts) * sample.ChargeCurrent.Amperes;
            var usage = PhaseMap.Usage(definition, sample.ActivePhases, phases);
            for (var p = 0; p < phases; p++)
            {
                phaseCurrents[p] -= signedCurrent * usage[p];
                chargerCurrents[p] += signedCurrent * usage[p];
            }
        }

        var batteryPerPhase = batteryPower.PerPhaseCurrent(grid.Voltage, phases).Amperes;
        for (var p = 0; p < phases; p++)
        {
            phaseCurrents[p] -= batteryPerPhase;
        }

        var headroom = new double[phases];
        for (var p = 0; p < phases; p++)
        {
            headroom[p] = grid.MaxCurrentPerPhase.Amperes - margin.Amperes - phaseCurrents[p];
        }

        var basePower = gridSample.Power - chargersPower - batteryPower;
        var totalHeadroom = grid.EffectiveImportLimit - margin.ToPower(grid.Voltage, phases) - basePower;
        return new SiteMeasurement(gridSample.Power, basePower, headroom, totalHeadroom.Watts, chargerCurrents, grid.Voltage);
    }

    /// <summary>
    /// The most the battery may draw (spread evenly over the phases) with the chargepoints as they draw
    /// now, so that no phase goes over its fuse.
    /// </summary>
    public Power BatteryPhaseRoom()
    {
        var phases = PhaseHeadroomAmperes.Length;
        var room = double.PositiveInfinity;
        for (var p = 0; p < phases; p++)
        {
            room = Math.Min(room, PhaseHeadroomAmperes[p] - _chargerPhaseAmperes[p]);
        }

        return new Power(room * _voltage.Volts * phases);
    }
}
