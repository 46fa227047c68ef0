using System.CommandLine;
using GridEdge.Domain.Units;
using GridEdge.Host.Configuration;
using GridEdge.Modbus;

namespace GridEdge.Host.Cli;

/// <summary>The options the `modbus` verbs share, parsed and checked as CLI.md fixes them.</summary>
internal static class ModbusOptions
{
    public static Option<ModbusEndpoint?> Endpoint() => new("--endpoint")
    {
        Description = "tcp://HOST:PORT, rtutcp://HOST:PORT or rtu:///dev/ttyUSB0?baud=9600&parity=N&stop=1&data=8",
        Required = true,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

            // The site file's rules first, so the CLI and `gridedge validate` agree on every endpoint.
            if (ModbusEndpointSyntax.Problem(text) is { } problem)
            {
                result.AddError("--endpoint: " + problem);
                return null;
            }

            return ModbusEndpoint.Parse(text);
        },
    };

    public static Option<int> Unit(bool required = true) => new("--unit")
    {
        Description = "Unit id (slave address), decimal or 0x hex",
        Required = required,
        CustomParser = result => Number(result, "--unit", 0, 255),
    };

    public static Option<RegisterAddress?> Register() => new("--register")
    {
        Description = "0-based wire address (decimal or 0x hex), or a Modicon reference 3xxxx/4xxxx (implies FC04/FC03)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (ModbusNumbers.Register(text) is { } register)
            {
                return register;
            }

            result.AddError($"--register: '{text}' is neither an address 0–65535 (decimal or 0x hex) nor a Modicon reference (30001–39999, 40001–49999, 300001–365536, 400001–465536)");
            return null;
        },
    };

    public static Option<string?> Profile() => new("--profile")
    {
        Description = "Device profile: a file name without extension under firmware-config/devices (e.g. eastron-sdm630, sunspec)",
    };

    public static Option<string?> ProfilesDirectory() => new("--profiles")
    {
        Description = "Directory of device profiles (default: firmware-config/devices here, else next to the binary)",
    };

    public static Option<TimeSpan?> Timeout(string defaultText) => DurationOption.Create("--timeout", $"Reply timeout per request (default {defaultText})");

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout" };

    public static ModbusClientOptions ClientOptions(TimeSpan? timeout, TimeSpan fallback) => new()
    {
        RequestTimeout = timeout ?? fallback,
        ConnectTimeout = TimeSpan.FromSeconds(3),
    };

    public static string ProfilesPath(string? option)
    {
        if (option is not null)
        {
            return option;
        }

        var here = Path.GetFullPath("firmware-config/devices");
        return Directory.Exists(here) ? here : Path.Combine(AppContext.BaseDirectory, "firmware-config", "devices");
    }

    private static int Number(System.CommandLine.Parsing.ArgumentResult result, string name, int min, int max)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        if (ModbusNumbers.TryParse(text, out var value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name}: '{text}' is not a number in {min}–{max} (decimal or 0x hex)");
        return 0;
    }
}
