using GridEdge.Devices.Profiles;
using GridEdge.Devices.SunSpec;
using GridEdge.Modbus;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// The other direction, for the simulator and tests: puts SI values into a server unit's tables
/// where a profile would read them. Scale-factor registers get the exponent that keeps the most
/// precision while every value sharing them still fits its type.
/// </summary>
public static class RegisterImage
{
    /// <summary>
    /// Lays out a SunSpec block at <paramref name="base"/>: marker, model 1 (with the texts), then
    /// <paramref name="models"/> zero-filled, then the end marker. Call once, then <see cref="Write"/> per update.
    /// </summary>
    public static DeviceLayout CreateSunSpec(ModbusUnit unit, DeviceProfile profile, IReadOnlyList<int> models, ushort @base = 40000, string manufacturer = "GridEdge", string model = "Simulated", string serial = "0001")
    {
        var holding = unit.HoldingRegisters;
        holding.Set(@base, [SunSpecDiscovery.MarkerHigh, SunSpecDiscovery.MarkerLow]);
        var address = @base + 2;
        var placed = new List<SunSpecModel>();
        foreach (var id in models.Prepend(1))
        {
            var length = SunSpecModels.Lengths.TryGetValue(id, out var known) ? known : throw new ArgumentException($"SunSpec model {id} is not one GridEdge knows the length of", nameof(models));
            holding.Set((ushort)address, [(ushort)id, (ushort)length, .. new ushort[length]]);
            placed.Add(new SunSpecModel(id, (ushort)address, length));
            address += 2 + length;
        }

        holding.Set((ushort)address, [SunSpecDiscovery.EndId, 0]);
        var common = placed[0].Address;
        holding.Set((ushort)(common + SunSpecModels.ManufacturerOffset), Text(manufacturer));
        holding.Set((ushort)(common + SunSpecModels.ModelOffset), Text(model));
        holding.Set((ushort)(common + SunSpecModels.SerialOffset), Text(serial));
        return DeviceLayout.Resolve(profile, new SunSpecMap(@base, placed));
    }

    /// <summary>
    /// A layout for a fixed-address profile. The blocks a reader's coalesced requests span are
    /// mapped (zero), as on a real meter, so reads succeed before the first write.
    /// </summary>
    public static DeviceLayout CreateFixed(ModbusUnit unit, DeviceProfile profile)
    {
        var layout = DeviceLayout.Resolve(profile, null);
        foreach (var block in ReadPlanner.Plan(ReadPlanner.Needed(layout.Points), profile.MaxGap))
        {
            Table(unit, block.Function).Set(block.Address, new ushort[block.Count]);
        }

        return layout;
    }

    /// <summary>Writes <paramref name="values"/> (SI, by quantity) into the unit; quantities the layout lacks are ignored.</summary>
    public static void Write(ModbusUnit unit, DeviceLayout layout, IReadOnlyDictionary<string, double> values)
    {
        var points = layout.Points.Where(p => values.ContainsKey(p.Quantity)).ToList();
        foreach (var shared in points.Where(p => p.ScaleAddress is not null).GroupBy(p => (p.Point.Function, p.ScaleAddress!.Value)))
        {
            var exponent = Exponent(shared.Select(p => (p.Point, values[p.Quantity])));
            Table(unit, shared.Key.Function).Set(shared.Key.Value, unchecked((ushort)(short)exponent));
            foreach (var point in shared)
            {
                Table(unit, point.Point.Function).Set(point.Address, PointCodec.Encode(point.Point, values[point.Quantity], exponent));
            }
        }

        foreach (var point in points.Where(p => p.ScaleAddress is null))
        {
            Table(unit, point.Point.Function).Set(point.Address, PointCodec.Encode(point.Point, values[point.Quantity]));
        }
    }

    /// <summary>
    /// The SI value the unit holds at <paramref name="quantity"/>'s point (e.g. a setpoint a client
    /// wrote), or null when the layout lacks it or its registers are not mapped.
    /// </summary>
    public static double? Read(ModbusUnit unit, DeviceLayout layout, string quantity)
    {
        if (layout.Find(quantity) is not { } point)
        {
            return null;
        }

        var registers = new RegisterSnapshot();
        foreach (var block in ReadPlanner.Needed([point]))
        {
            if (Table(unit, block.Function).TryRead(block.Address, block.Count) is { } values)
            {
                registers.Add(block, values);
            }
        }

        return PointCodec.Decode(point, registers, layout.Profile.SunSpecSentinels);
    }

    private static DataBank<ushort> Table(ModbusUnit unit, FunctionCode function) =>
        function == FunctionCode.ReadInputRegisters ? unit.InputRegisters : unit.HoldingRegisters;

    /// <summary>The smallest exponent from −3 up at which every value fits its register type.</summary>
    private static int Exponent(IEnumerable<(ProfilePoint Point, double Value)> values)
    {
        var list = values.ToList();
        for (var exponent = -3; exponent < 10; exponent++)
        {
            if (list.All(v => Fits(v.Point, v.Value, exponent)))
            {
                return exponent;
            }
        }

        return 10;
    }

    private static bool Fits(ProfilePoint point, double value, int exponent)
    {
        var raw = Math.Abs(Math.Round(PointCodec.RawValue(point, value, exponent)));
        var max = point.Type switch
        {
            RegisterType.Int16 => short.MaxValue - 1,
            RegisterType.UInt16 => ushort.MaxValue - 1,
            RegisterType.Int32 => int.MaxValue - 1,
            _ => uint.MaxValue - 1.0,
        };
        return raw <= max;
    }

    private static ushort[] Text(string text)
    {
        var registers = new ushort[SunSpecModels.TextRegisters];
        for (var i = 0; i < Math.Min(text.Length, 2 * registers.Length); i++)
        {
            registers[i / 2] |= (ushort)((text[i] & 0xFF) << (i % 2 == 0 ? 8 : 0));
        }

        return registers;
    }
}
