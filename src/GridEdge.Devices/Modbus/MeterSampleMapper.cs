using GridEdge.Devices.Profiles;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// Decoded quantities → <see cref="MeterSample"/> and how far to trust it: Good with everything
/// the profile promises, Estimated when power is summed from phases or phase currents are
/// missing, Invalid without any power.
/// </summary>
public static class MeterSampleMapper
{
    public static (MeterSample Sample, ReadingQuality Quality) Map(ProfileValues values, DeviceLayout layout)
    {
        var quality = ReadingQuality.Good;
        var phasePowers = Quantities.PhasePowers.Select(q => values[q]).ToArray();
        var power = values[Quantities.Power];
        if (power is null && phasePowers.Any(p => p is not null))
        {
            power = phasePowers.Sum(p => p ?? 0);
            quality = ReadingQuality.Estimated;
        }

        var offered = Quantities.PhaseCurrents.Count(q => layout.Find(q) is not null);
        var currents = Quantities.PhaseCurrents.Select(q => values[q]).TakeWhile(c => c is not null).Select(c => c!.Value).ToArray();
        if (currents.Length < offered)
        {
            // A partial set would misplace phases; better none, flagged.
            currents = [];
            quality = ReadingQuality.Estimated;
        }

        var sample = new MeterSample
        {
            Power = new Power(power ?? 0),
            PhaseCurrents = [.. currents.Select((c, i) => new Current(Signed(c, phasePowers[i] ?? power ?? 0)))],
            ImportedEnergy = values[Quantities.EnergyImport] is { } imported ? new Energy(imported) : null,
            ExportedEnergy = values[Quantities.EnergyExport] is { } exported ? new Energy(exported) : null,
        };
        return (sample, power is null ? ReadingQuality.Invalid : quality);
    }

    /// <summary>Meters report current magnitudes; the phase's power flow gives it a direction.</summary>
    private static double Signed(double current, double power) => power < 0 ? -Math.Abs(current) : Math.Abs(current);
}
