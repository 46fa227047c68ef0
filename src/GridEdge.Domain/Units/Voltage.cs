using System.Globalization;

namespace GridEdge.Domain.Units;

/// <summary>Voltage in volts (phase-to-neutral in Europe, the 200 V line in Japanese single-phase three-wire homes).</summary>
public readonly record struct Voltage(double Volts)
{
    public static readonly Voltage Europe = new(230);
    public static readonly Voltage Japan = new(200);

    public static Power operator *(Voltage v, Current i) => new(v.Volts * i.Amperes);

    public override string ToString() => Volts.ToString("0.#", CultureInfo.InvariantCulture) + " V";
}
