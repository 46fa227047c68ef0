using GridEdge.Devices.Profiles;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Modbus;

/// <summary>A <see cref="MeterSample"/> as quantities, for <see cref="RegisterImage.Write"/> (the simulator serving a meter).</summary>
public static class MeterValues
{
    /// <summary>
    /// Power, phase current magnitudes, energies; with <paramref name="voltage"/> also phase
    /// voltages and signed phase powers (so a reader recovers the current directions).
    /// </summary>
    public static Dictionary<string, double> From(MeterSample sample, Voltage? voltage = null)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal) { [Quantities.Power] = sample.Power.Watts };
        for (var i = 0; i < Math.Min(3, sample.PhaseCurrents.Count); i++)
        {
            var current = sample.PhaseCurrents[i].Amperes;
            values[Quantities.PhaseCurrents[i]] = Math.Abs(current);
            if (voltage is { } v)
            {
                values[Quantities.PhaseVoltages[i]] = v.Volts;
                values[Quantities.PhasePowers[i]] = current * v.Volts;
            }
        }

        if (sample.ImportedEnergy is { } imported)
        {
            values[Quantities.EnergyImport] = imported.WattHours;
        }

        if (sample.ExportedEnergy is { } exported)
        {
            values[Quantities.EnergyExport] = exported.WattHours;
        }

        return values;
    }
}
