using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// One problem in a site file, located by line and column (1-based) and by the key path
/// (<c>chargers[2].max_current_a</c>). <see cref="ToString"/> is the <c>gridedge validate</c> line.
/// </summary>
public sealed record ConfigError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary><c>FILE:LINE:COL: KEY.PATH: message</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {Path}: {Message}");
}
