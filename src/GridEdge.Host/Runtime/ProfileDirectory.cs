namespace GridEdge.Host.Runtime;

/// <summary>Where device profiles live: beside the site file's folder (firmware-config/devices), else the copy shipped with the binary.</summary>
internal static class ProfileDirectory
{
    public static string For(string sitePath)
    {
        var besideSites = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(sitePath)) ?? ".", "..", "devices"));
        return Directory.Exists(besideSites) ? besideSites : Path.Combine(AppContext.BaseDirectory, "firmware-config", "devices");
    }
}
