using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Energy in watt-hours.</summary>
public readonly record struct Energy(double WattHours) : IComparable<Energy>
{
    public static readonly Energy Zero = new(0);

    public double KilowattHours => WattHours / 1000.0;

    public static Energy FromKilowattHours(double kilowattHours) => new(kilowattHours * 1000.0);

    public static Energy operator +(Energy a, Energy b) => new(a.WattHours + b.WattHours);

    public static Energy operator -(Energy a, Energy b) => new(a.WattHours - b.WattHours);

    public static Energy operator *(Energy a, double factor) => new(a.WattHours * factor);

    public static double operator /(Energy a, Energy b) => a.WattHours / b.WattHours;

    /// <summary>Average power that delivers this energy over <paramref name="duration"/>.</summary>
    public static Power operator /(Energy e, TimeSpan duration) => new(e.WattHours / duration.TotalHours);

    public static bool operator <(Energy a, Energy b) => a.WattHours < b.WattHours;

    public static bool operator >(Energy a, Energy b) => a.WattHours > b.WattHours;

    public static bool operator <=(Energy a, Energy b) => a.WattHours <= b.WattHours;

    public static bool operator >=(Energy a, Energy b) => a.WattHours >= b.WattHours;

    public int CompareTo(Energy other) => WattHours.CompareTo(other.WattHours);

    public override string ToString() => WattHours.ToString("0.#", CultureInfo.InvariantCulture) + " Wh";
}
