using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Price of energy per kilowatt-hour in the site's currency.</summary>
public readonly record struct Price(double PerKilowattHour)
{
    public static readonly Price Zero = new(0);

    /// <summary>Cost of <paramref name="energy"/> at this price, in the site's currency.</summary>
    public double CostOf(Energy energy) => PerKilowattHour * energy.KilowattHours;

    public override string ToString() => PerKilowattHour.ToString("0.####", CultureInfo.InvariantCulture) + "/kWh";
}
