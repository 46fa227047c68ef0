using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Host.Cli;

/// <summary>
/// `gridedge modbus write --endpoint URI --unit N --profile NAME --register ADDR --value V [--json]`:
/// writes one value, in the SI unit of its quantity, to a register the profile marks writable.
/// Anything else is refused (exit 2) before a write is sent; a fixed-address profile refuses
/// before connecting, a SunSpec profile after the discovery reads that place its registers.
/// </summary>
internal static class ModbusWriteCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var endpoint = ModbusOptions.Endpoint();
        var unit = ModbusOptions.Unit();
        var profile = ModbusOptions.Profile();
        profile.Required = true;
        var profiles = ModbusOptions.ProfilesDirectory();
        var register = ModbusOptions.Register();
        register.Required = true;
        var value = new Option<double>("--value")
        {
            Description = "Value in the SI unit of the register's quantity (e.g. 50 for power_limit_percent)",
            Required = true,
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return number;
                }

                result.AddError($"--value: '{text}' is not a number");
                return 0;
            },
        };
        var timeout = ModbusOptions.Timeout("1s");
        var json = ModbusOptions.Json();
        var command = new Command("write", "Writes one value to a register that a device profile marks writable.")
        {
            endpoint, unit, profile, profiles, register, value, timeout, json,
        };
        command.SetAction((parse, cancellationToken) => WriteAsync(
            parse.GetValue(endpoint)!,
            new WriteRequest((byte)parse.GetValue(unit), parse.GetValue(profile)!, parse.GetValue(register)!.Value, parse.GetValue(value), parse.GetValue(json)),
            ModbusOptions.ProfilesPath(parse.GetValue(profiles)),
            ModbusOptions.ClientOptions(parse.GetValue(timeout), TimeSpan.FromSeconds(1)),
            stdout,
            stderr,
            cancellationToken));
        return command;
    }

    private static async Task<int> WriteAsync(
        ModbusEndpoint endpoint, WriteRequest request, string directory, ModbusClientOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        DeviceProfile profile;
        try
        {
            profile = DeviceProfiles.Load(directory).Get(request.Profile);
        }
        catch (Exception ex) when (ex is DeviceProfileException or KeyNotFoundException)
        {
            return await ModbusCliErrors.ReportAsync(ex, endpoint, stderr);
        }

        var (address, implied, typed) = request.Register;
        if (implied == FunctionCode.ReadInputRegisters)
        {
            return await ModbusCliErrors.UsageAsync("write", $"--register {typed} is an input register reference; input registers cannot be written", stderr);
        }

        var reference = implied is null || !ushort.TryParse(typed, CultureInfo.InvariantCulture, out var literal)
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $" (--register {typed} is a Modicon reference; for wire address {typed} give 0x{literal:X4})");
        if (!profile.Points.Any(p => p.Writable) || (profile.Discovery == Discovery.Fixed && Writable(DeviceLayout.Resolve(profile, null), address) is null))
        {
            return await RefuseAsync(profile, address, reference, stderr);
        }

        using var client = ModbusClient.Create(endpoint, options, TimeProvider.System, NullLogger.Instance);
        try
        {
            var layout = await DeviceLayout.DiscoverAsync(client, request.Unit, profile, cancellationToken);
            if (Writable(layout, address) is not { } point)
            {
                return await RefuseAsync(profile, address, reference, stderr);
            }

            var registers = await PointWriter.WriteAsync(client, request.Unit, point, request.Value, cancellationToken);
            await PrintAsync(request, point, registers, stdout);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ModbusCliErrors.Handles(ex))
        {
            return await ModbusCliErrors.ReportAsync(ex, endpoint, stderr);
        }
    }

    private static ResolvedPoint? Writable(DeviceLayout layout, ushort address) =>
        layout.Points.FirstOrDefault(p => p.Address == address && PointWriter.IsWritable(p.Point));

    private static Task<int> RefuseAsync(DeviceProfile profile, ushort address, string reference, TextWriter stderr)
    {
        var writable = profile.Points.Where(p => p.Writable).Select(p => p.Register is { } r ? $"{r} ({p.Quantity})" : p.Quantity).ToList();
        var hint = writable.Count == 0 ? "it has no writable registers" : "writable: " + string.Join(", ", writable);
        return ModbusCliErrors.UsageAsync("write", string.Create(CultureInfo.InvariantCulture, $"register {address}{reference} is not writable in profile {profile.Name} ({hint}); nothing was written"), stderr);
    }

    private static async Task PrintAsync(WriteRequest request, ResolvedPoint point, ushort[] registers, TextWriter stdout)
    {
        if (request.Json)
        {
            await stdout.WriteLineAsync(new JsonObject
            {
                ["unit"] = request.Unit,
                ["profile"] = request.Profile,
                ["register"] = point.Address,
                ["quantity"] = point.Quantity,
                ["value"] = ModbusJsonNumbers.Of(request.Value),
                ["registers"] = new JsonArray([.. registers.Select(r => (JsonNode)r)]),
            }.ToJsonString());
            return;
        }

        var words = string.Join(' ', registers.Select(r => "0x" + r.ToString("X4", CultureInfo.InvariantCulture)));
        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"wrote {request.Value} ({point.Quantity}) to unit {request.Unit} register {point.Address}: {words}"));
    }

    /// <summary>The options of one write.</summary>
    private sealed record WriteRequest(byte Unit, string Profile, RegisterAddress Register, double Value, bool Json);
}
