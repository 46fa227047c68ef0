using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Active power in watts. Positive means import/consumption unless a context says otherwise.</summary>
public readonly record struct Power(double Watts) : IComparable<Power>
{
    public static readonly Power Zero = new(0);

    public double Kilowatts => Watts / 1000.0;

    public static Power FromKilowatts(double kilowatts) => new(kilowatts * 1000.0);

    public Power Abs() => new(Math.Abs(Watts));

    public static Power Max(Power a, Power b) => a.Watts >= b.Watts ? a : b;

    public static Power Min(Power a, Power b) => a.Watts <= b.Watts ? a : b;

    public static Power operator +(Power a, Power b) => new(a.Watts + b.Watts);

    public static Power operator -(Power a, Power b) => new(a.Watts - b.Watts);

    public static Power operator -(Power a) => new(-a.Watts);

    public static Power operator *(Power a, double factor) => new(a.Watts * factor);

    public static double operator /(Power a, Power b) => a.Watts / b.Watts;

    /// <summary>Energy delivered by this power held for <paramref name="duration"/>.</summary>
    public static Energy operator *(Power p, TimeSpan duration) => new(p.Watts * duration.TotalHours);

    /// <summary>Current per phase drawn at this power on <paramref name="phases"/> phases of <paramref name="voltage"/>.</summary>
    public Current PerPhaseCurrent(Voltage voltage, int phases) => new(Watts / (voltage.Volts * phases));

    public static bool operator <(Power a, Power b) => a.Watts < b.Watts;

    public static bool operator >(Power a, Power b) => a.Watts > b.Watts;

    public static bool operator <=(Power a, Power b) => a.Watts <= b.Watts;

    public static bool operator >=(Power a, Power b) => a.Watts >= b.Watts;

    public int CompareTo(Power other) => Watts.CompareTo(other.Watts);

    public override string ToString() => Watts.ToString("0.#", CultureInfo.InvariantCulture) + " W";
}
