using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Carbon intensity of grid electricity in grams CO2-equivalent per kilowatt-hour.</summary>
public readonly record struct Co2Intensity(double GramsPerKilowattHour)
{
    /// <summary>Emissions of <paramref name="energy"/> at this intensity, in grams.</summary>
    public double GramsFor(Energy energy) => GramsPerKilowattHour * energy.KilowattHours;

    public override string ToString() => GramsPerKilowattHour.ToString("0.#", CultureInfo.InvariantCulture) + " g/kWh";
}
