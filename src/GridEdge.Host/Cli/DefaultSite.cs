namespace GridEdge.Host.Cli;

/// <summary>Finds the built-in demo site: in the working directory's checkout first, else the copy shipped with the binary.</summary>
internal static class DefaultSite
{
    private const string RelativePath = "firmware-config/sites/demo.yaml";

    public static string Path()
    {
        var inWorkingDirectory = System.IO.Path.GetFullPath(RelativePath);
        return File.Exists(inWorkingDirectory)
            ? inWorkingDirectory
            : System.IO.Path.Combine(AppContext.BaseDirectory, RelativePath);
    }
}
