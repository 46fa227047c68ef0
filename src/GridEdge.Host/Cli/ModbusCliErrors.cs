using GridEdge.Devices.Profiles;
using GridEdge.Modbus;

namespace GridEdge.Host.Cli;

/// <summary>Turns what went wrong into CLI.md's exit code and one line that names what and where.</summary>
internal static class ModbusCliErrors
{
    public static async Task<int> ReportAsync(Exception error, ModbusEndpoint endpoint, TextWriter stderr)
    {
        var (code, line) = error switch
        {
            ModbusException => (ExitCodes.DeviceError, error.Message),
            ModbusTimeoutException => (ExitCodes.Timeout, $"{error.Message} on {endpoint}"),
            ModbusConnectionException => (ExitCodes.ConnectFailed, $"{endpoint}: {error.Message}"),
            ModbusFrameException => (ExitCodes.RuntimeFailure, $"{endpoint}: bad reply: {error.Message}"),
            DeviceProfileException profile => (ExitCodes.UsageError, string.Join(Environment.NewLine + "modbus: ", profile.Errors)),
            KeyNotFoundException => (ExitCodes.UsageError, error.Message),
            _ => (ExitCodes.RuntimeFailure, $"{error.GetType().Name}: {error.Message}"),
        };
        await stderr.WriteLineAsync("modbus: " + line);
        return code;
    }

    /// <summary>The errors <see cref="ReportAsync"/> knows; anything else is left to the CLI's last line of defence.</summary>
    public static bool Handles(Exception error) =>
        error is IOException or TimeoutException or ModbusException or DeviceProfileException or KeyNotFoundException;

    public static async Task<int> UsageAsync(string verb, string message, TextWriter stderr)
    {
        await stderr.WriteLineAsync($"modbus {verb}: {message}");
        return ExitCodes.UsageError;
    }
}
