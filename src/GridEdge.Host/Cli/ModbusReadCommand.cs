using System.CommandLine;
using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Host.Cli;

/// <summary>
/// `gridedge modbus read --endpoint URI --unit N (--profile NAME | --register ADDR --count N --type T [--order O]) [--function 3|4] [--json]`.
/// </summary>
internal static class ModbusReadCommand
{
    private static readonly string[] TypeNames = ["int16", "uint16", "int32", "uint32", "float32", "int64", "uint64", "float64"];

    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var endpoint = ModbusOptions.Endpoint();
        var unit = ModbusOptions.Unit();
        var profile = ModbusOptions.Profile();
        var profiles = ModbusOptions.ProfilesDirectory();
        var register = ModbusOptions.Register();
        var count = new Option<int?>("--count") { Description = "Registers to read (1–125), a multiple of the type's width" };
        var type = new Option<string>("--type") { Description = "int16, uint16, int32, uint32, float32, int64, uint64, float64" };
        type.AcceptOnlyFromAmong(TypeNames);
        var order = new Option<string>("--order") { Description = "Word order: ABCD (default), CDAB, BADC, DCBA", DefaultValueFactory = _ => "ABCD" };
        order.AcceptOnlyFromAmong(Enum.GetNames<WordOrder>());
        var function = new Option<int?>("--function") { Description = "3 holding (default) or 4 input registers" };
        function.AcceptOnlyFromAmong("3", "4");
        var timeout = ModbusOptions.Timeout("1s");
        var json = ModbusOptions.Json();
        var command = new Command("read", "Reads registers and prints them decoded, or every quantity of a device profile.")
        {
            endpoint, unit, profile, profiles, register, count, type, order, function, timeout, json,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var target = parse.GetValue(endpoint)!;
            var options = ModbusOptions.ClientOptions(parse.GetValue(timeout), TimeSpan.FromSeconds(1));
            var output = new ModbusReadOutput(stdout, parse.GetValue(json));
            return parse.GetValue(profile) is { } name
                ? ReadProfileAsync(target, (byte)parse.GetValue(unit), name, ModbusOptions.ProfilesPath(parse.GetValue(profiles)), options, output, stderr, cancellationToken)
                : ReadRegistersAsync(
                    target,
                    new RawRead((byte)parse.GetValue(unit), parse.GetValue(register), parse.GetValue(count), parse.GetValue(type), Enum.Parse<WordOrder>(parse.GetValue(order)!), parse.GetValue(function)),
                    options,
                    output,
                    stderr,
                    cancellationToken);
        });
        return command;
    }

    private static async Task<int> ReadRegistersAsync(ModbusEndpoint endpoint, RawRead read, ModbusClientOptions options, ModbusReadOutput output, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (read.Register is not { } register || read.Count is not { } count || read.Type is null)
        {
            return await ModbusCliErrors.UsageAsync("read", "give --profile NAME, or --register ADDR --count N --type T", stderr);
        }

        var type = Enum.Parse<RegisterType>(read.Type, ignoreCase: true);
        var width = RegisterCodec.Width(type);
        if (count is < 1 or > ModbusLimits.MaxReadRegisters || count % width != 0)
        {
            return await ModbusCliErrors.UsageAsync("read", $"--count {count} must be 1–125 and a multiple of {width} (the width of {read.Type})", stderr);
        }

        var (address, implied, typed) = register;
        var asked = read.Function switch { 4 => FunctionCode.ReadInputRegisters, 3 => FunctionCode.ReadHoldingRegisters, _ => (FunctionCode?)null };
        if (implied is not null && asked is not null && implied != asked)
        {
            return await ModbusCliErrors.UsageAsync("read", $"reference {typed} implies FC{(byte)implied:D2} but --function is {read.Function}", stderr);
        }

        if (address + count > 0x10000)
        {
            return await ModbusCliErrors.UsageAsync("read", $"registers {address}…{address + count - 1} run past 65535", stderr);
        }

        var fc = implied ?? asked ?? FunctionCode.ReadHoldingRegisters;
        using var client = ModbusClient.Create(endpoint, options, TimeProvider.System, NullLogger.Instance);
        try
        {
            var registers = await client.ReadRegistersAsync(read.Unit, fc, address, count, cancellationToken);
            var values = Enumerable.Range(0, count / width).Select(i => RegisterCodec.Decode(registers.AsSpan(i * width, width), type, read.Order)).ToArray();
            await output.RegistersAsync(read.Unit, fc, address, type, read.Order, registers, values);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ModbusCliErrors.Handles(ex))
        {
            return await ModbusCliErrors.ReportAsync(ex, endpoint, stderr);
        }
    }

    private static async Task<int> ReadProfileAsync(
        ModbusEndpoint endpoint, byte unit, string name, string directory, ModbusClientOptions options, ModbusReadOutput output, TextWriter stderr, CancellationToken cancellationToken)
    {
        using var client = ModbusClient.Create(endpoint, options, TimeProvider.System, NullLogger.Instance);
        try
        {
            var profile = DeviceProfiles.Load(directory).Get(name);
            var layout = await DeviceLayout.DiscoverAsync(client, unit, profile, cancellationToken);
            var values = await ProfileReader.ReadAsync(client, unit, layout, null, cancellationToken);
            await output.ProfileAsync(unit, name, layout, values);
            return ExitCodes.Success;
        }
        catch (Exception ex) when (ModbusCliErrors.Handles(ex))
        {
            return await ModbusCliErrors.ReportAsync(ex, endpoint, stderr);
        }
    }

    /// <summary>The options of a raw register read.</summary>
    private sealed record RawRead(byte Unit, RegisterAddress? Register, int? Count, string? Type, WordOrder Order, int? Function);
}
