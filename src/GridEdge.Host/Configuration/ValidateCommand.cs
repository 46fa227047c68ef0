using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// <c>gridedge validate FILE</c> (CLI.md): exit 0 with <c>FILE: OK (N chargers, M meters)</c> on
/// stdout, or exit 2 with every error on stderr, one per line: <c>FILE:LINE:COL: KEY.PATH: message</c>.
/// </summary>
public static class ValidateCommand
{
    public const int ExitOk = 0;

    public const int ExitInvalid = 2;

    public static int Run(string path, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        var result = SiteConfigLoader.Load(path);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                stderr.WriteLine(error.ToString());
            }

            return ExitInvalid;
        }

        var site = result.Configuration.Site;
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: OK ({site.ChargePoints.Count} chargers, {site.Meters.Count} meters)"));
        return ExitOk;
    }
}
