namespace GridEdge.Testing;

/// <summary>Paths inside the repository, found by walking up from the test binaries to GridEdge.sln.</summary>
public static class RepoPaths
{
    /// <summary>The repository root (the directory that holds GridEdge.sln).</summary>
    public static string Root { get; } = FindRoot();

    public static string FirmwareConfigDir => Path.Combine(Root, "firmware-config");

    public static string SitesDir => Path.Combine(FirmwareConfigDir, "sites");

    public static string SchemaDir => Path.Combine(FirmwareConfigDir, "schema");

    /// <summary>firmware-config/schema/site.schema.json.</summary>
    public static string SiteSchema => Path.Combine(SchemaDir, "site.schema.json");

    /// <summary>firmware-config/sites/demo.yaml, the built-in demo site.</summary>
    public static string DemoSite => Site("demo");

    /// <summary>firmware-config/sites/<paramref name="name"/>.yaml.</summary>
    public static string Site(string name) => Path.Combine(SitesDir, name + ".yaml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GridEdge.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"GridEdge.sln not found above {AppContext.BaseDirectory}.");
    }
}
