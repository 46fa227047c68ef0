using System.Globalization;
using System.Text.Json.Nodes;
using GridEdge.Devices.Modbus;
using GridEdge.Modbus;

namespace GridEdge.Host.Cli;

/// <summary>What `modbus read` prints: text for people, or CLI.md's JSON shapes.</summary>
internal sealed class ModbusReadOutput(TextWriter stdout, bool json)
{
    public async Task RegistersAsync(byte unit, FunctionCode function, ushort address, RegisterType type, WordOrder order, ushort[] registers, double[] values)
    {
        if (json)
        {
            var result = new JsonObject
            {
                ["unit"] = unit,
                ["function"] = (int)function,
                ["register"] = address,
                ["count"] = registers.Length,
                ["type"] = type.ToString().ToLowerInvariant(),
                ["order"] = order.ToString(),
                ["registers"] = new JsonArray([.. registers.Select(r => (JsonNode)r)]),
                ["values"] = new JsonArray([.. values.Select(ModbusJsonNumbers.Of)]),
            };
            await stdout.WriteLineAsync(result.ToJsonString());
            return;
        }

        var width = registers.Length / values.Length;
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unit {unit} FC{(int)function:D2} {registers.Length} register(s) from {address} as {type.ToString().ToLowerInvariant()} {order}"));
        for (var i = 0; i < values.Length; i++)
        {
            var words = string.Join(' ', registers.Skip(i * width).Take(width).Select(r => "0x" + r.ToString("X4", CultureInfo.InvariantCulture)));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {address + (i * width),5}: {words,-32} {values[i]}"));
        }
    }

    public async Task ProfileAsync(byte unit, string profile, DeviceLayout layout, ProfileValues values)
    {
        var quantities = layout.Points.Select(p => p.Quantity).ToList();
        if (json)
        {
            var readings = new JsonObject();
            foreach (var quantity in quantities)
            {
                readings[quantity] = values[quantity] is { } value ? ModbusJsonNumbers.Of(value) : null;
            }

            await stdout.WriteLineAsync(new JsonObject { ["unit"] = unit, ["profile"] = profile, ["readings"] = readings }.ToJsonString());
            return;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unit {unit} as {profile} ({layout.Profile.Manufacturer} {layout.Profile.Model})"));
        foreach (var point in layout.Points)
        {
            var text = values[point.Quantity] is { } value ? value.ToString("0.###", CultureInfo.InvariantCulture) : "(not implemented)";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {point.Quantity,-22} {text,16}   FC{(int)point.Point.Function:D2} {point.Address}"));
        }
    }
}
