namespace GridEdge.Telemetry.Writer;

/// <summary>
/// Secrets for the write API, from GRIDEDGE_INFLUX_TOKEN / _USERNAME / _PASSWORD or a credentials
/// file — never from the site file. <see cref="ToString"/> never shows them, so they cannot end up in a log.
/// </summary>
public sealed class InfluxCredentials
{
    public const string TokenVariable = "GRIDEDGE_INFLUX_TOKEN";
    public const string UsernameVariable = "GRIDEDGE_INFLUX_USERNAME";
    public const string PasswordVariable = "GRIDEDGE_INFLUX_PASSWORD";

    public static readonly InfluxCredentials None = new(null, null, null);

    public InfluxCredentials(string? token, string? username, string? password)
    {
        Token = string.IsNullOrEmpty(token) ? null : token;
        Username = string.IsNullOrEmpty(username) ? null : username;
        Password = string.IsNullOrEmpty(password) ? null : password;
    }

    public string? Token { get; }

    public string? Username { get; }

    public string? Password { get; }

    /// <summary>Reads the GRIDEDGE_INFLUX_* variables.</summary>
    public static InfluxCredentials FromEnvironment() => new(
        Environment.GetEnvironmentVariable(TokenVariable),
        Environment.GetEnvironmentVariable(UsernameVariable),
        Environment.GetEnvironmentVariable(PasswordVariable));

    /// <summary>
    /// Reads a credentials file in systemd EnvironmentFile form (<c>KEY=value</c> lines, <c>#</c>
    /// comments) using the same variable names; values set in the environment win.
    /// </summary>
    public static InfluxCredentials FromFile(string path)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.Length == 0 || line[0] == '#' || equals <= 0)
            {
                continue;
            }

            values[line[..equals].Trim()] = line[(equals + 1)..].Trim().Trim('"');
        }

        var environment = FromEnvironment();
        return new(
            environment.Token ?? values.GetValueOrDefault(TokenVariable),
            environment.Username ?? values.GetValueOrDefault(UsernameVariable),
            environment.Password ?? values.GetValueOrDefault(PasswordVariable));
    }

    public override string ToString() =>
        $"InfluxCredentials(token: {(Token is null ? "none" : "set")}, username: {(Username is null ? "none" : "set")}, password: {(Password is null ? "none" : "set")})";
}
