using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Electric current in amperes (RMS, per phase where a phase is implied).</summary>
public readonly record struct Current(double Amperes) : IComparable<Current>
{
    public static readonly Current Zero = new(0);

    public static Current Max(Current a, Current b) => a.Amperes >= b.Amperes ? a : b;

    public static Current Min(Current a, Current b) => a.Amperes <= b.Amperes ? a : b;

    /// <summary>Rounds down to a multiple of <paramref name="step"/>; rounding down never exceeds a limit.</summary>
    public Current FloorTo(Current step) =>
        step.Amperes <= 0 ? this : new(Math.Round(Math.Floor((Amperes / step.Amperes) + 1e-9) * step.Amperes, 6));

    /// <summary>Rounds up to a multiple of <paramref name="step"/>: for a target that must not be missed.</summary>
    public Current CeilingTo(Current step) =>
        step.Amperes <= 0 ? this : new(Math.Round(Math.Ceiling((Amperes / step.Amperes) - 1e-9) * step.Amperes, 6));

    /// <summary>Power drawn at this current on <paramref name="phases"/> phases of <paramref name="voltage"/>.</summary>
    public Power ToPower(Voltage voltage, int phases) => new(Amperes * voltage.Volts * phases);

    public static Current operator +(Current a, Current b) => new(a.Amperes + b.Amperes);

    public static Current operator -(Current a, Current b) => new(a.Amperes - b.Amperes);

    public static Current operator *(Current a, double factor) => new(a.Amperes * factor);

    public static bool operator <(Current a, Current b) => a.Amperes < b.Amperes;

    public static bool operator >(Current a, Current b) => a.Amperes > b.Amperes;

    public static bool operator <=(Current a, Current b) => a.Amperes <= b.Amperes;

    public static bool operator >=(Current a, Current b) => a.Amperes >= b.Amperes;

    public int CompareTo(Current other) => Amperes.CompareTo(other.Amperes);

    public override string ToString() => Amperes.ToString("0.##", CultureInfo.InvariantCulture) + " A";
}
