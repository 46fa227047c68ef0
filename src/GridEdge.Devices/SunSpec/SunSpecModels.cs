namespace GridEdge.Devices.SunSpec;

/// <summary>Lengths (registers after the length register) of the standard models GridEdge knows.</summary>
public static class SunSpecModels
{
    public static readonly IReadOnlyDictionary<int, int> Lengths = new Dictionary<int, int>
    {
        [1] = 66,
        [101] = 50, [102] = 50, [103] = 50,
        [111] = 60, [112] = 60, [113] = 60,
        [123] = 24, [124] = 24,
        [201] = 105, [202] = 105, [203] = 105, [204] = 105,
        [211] = 124, [212] = 124, [213] = 124, [214] = 124,
        [802] = 62,
    };

    /// <summary>Model 1 offsets of the text fields (16 registers each, 2 ASCII characters per register).</summary>
    public const int ManufacturerOffset = 2;
    public const int ModelOffset = 18;
    public const int SerialOffset = 50;
    public const int TextRegisters = 16;
}
