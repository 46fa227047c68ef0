using System.Globalization;

namespace GridEdge.Devices.Mqtt;

/// <summary>
/// MQTT username and password, taken from GRIDEDGE_MQTT_USERNAME / GRIDEDGE_MQTT_PASSWORD or from a
/// credentials file (`username=…` and `password=…` lines) — never from the site file.
/// </summary>
public sealed record MqttCredentials(string Username, string Password)
{
    public const string UsernameVariable = "GRIDEDGE_MQTT_USERNAME";
    public const string PasswordVariable = "GRIDEDGE_MQTT_PASSWORD";

    public override string ToString() => $"MqttCredentials {{ Username = {Username}, Password = *** }}";

    /// <summary>Credentials from the file if given, else from the environment; null when neither has any.</summary>
    public static MqttCredentials? Resolve(string? credentialsFile, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (credentialsFile is not null)
        {
            return FromFile(credentialsFile);
        }

        var username = environment(UsernameVariable);
        return string.IsNullOrEmpty(username) ? null : new MqttCredentials(username, environment(PasswordVariable) ?? "");
    }

    private static MqttCredentials FromFile(string path)
    {
        string? username = null;
        string? password = null;
        foreach (var (lineNumber, line) in Credentials.CredentialsFile.Lines(path))
        {
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? line : line[..equals].Trim();
            var value = equals < 0 ? "" : line[(equals + 1)..].Trim();
            switch (key)
            {
                case "username":
                    username = value;
                    break;
                case "password":
                    password = value;
                    break;
                default:
                    throw new FormatException(string.Create(CultureInfo.InvariantCulture,
                        $"{path}:{lineNumber}: unknown key '{key}' (expected username=… or password=…)"));
            }
        }

        return username is null
            ? throw new FormatException($"{path}: no 'username=' line")
            : new MqttCredentials(username, password ?? "");
    }
}
