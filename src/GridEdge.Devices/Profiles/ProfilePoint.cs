using GridEdge.Modbus;

namespace GridEdge.Devices.Profiles;

/// <summary>
/// One value of a device: where it is (a fixed register, or a SunSpec model and offset), how it is
/// encoded, how it scales to the SI unit of its quantity, and whether it may be written.
/// </summary>
public sealed record ProfilePoint
{
    /// <summary>The domain quantity it feeds, with its SI unit in the name: power_w, current_l1_a, energy_import_wh…</summary>
    public required string Quantity { get; init; }

    /// <summary>0-based wire address (fixed profiles).</summary>
    public ushort? Register { get; init; }

    /// <summary>SunSpec: the models (first one present wins) and the offset from the model's id register.</summary>
    public IReadOnlyList<int> Models { get; init; } = [];

    public int? Offset { get; init; }

    public FunctionCode Function { get; init; } = FunctionCode.ReadHoldingRegisters;

    public RegisterType Type { get; init; } = RegisterType.UInt16;

    public WordOrder Order { get; init; } = WordOrder.ABCD;

    /// <summary>Fixed factor from the register value to the point's <see cref="Unit"/>.</summary>
    public double Scale { get; init; } = 1;

    /// <summary>A register holding a power-of-ten exponent (int16) applied as well: fixed address…</summary>
    public ushort? ScaleRegister { get; init; }

    /// <summary>…or, in a SunSpec model, its offset in the same model.</summary>
    public int? ScaleOffset { get; init; }

    public PointSign Sign { get; init; } = PointSign.ImportPositive;

    /// <summary>The device's unit (kWh, W, A…); the value is converted to the quantity's SI unit.</summary>
    public required string Unit { get; init; }

    /// <summary>Poll group: points of one group are read together at the group's interval.</summary>
    public string Group { get; init; } = DeviceProfile.DefaultGroup;

    public bool Writable { get; init; }

    public int Width => RegisterCodec.Width(Type);
}
