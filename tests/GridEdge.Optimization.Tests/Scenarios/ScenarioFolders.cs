using GridEdge.Testing;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>The shared benchmark scenarios next to the repository (../shared/scenarios); tests skip without them.</summary>
internal static class ScenarioFolders
{
    public static string Root => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "scenarios"));

    public static string Require(string name)
    {
        var dir = Path.Combine(Root, name);
        if (!File.Exists(Path.Combine(dir, "scenario.json")))
        {
            Assert.Skip($"scenario folder {dir} is missing (the shared scenarios live in ../shared/scenarios next to the repository)");
        }

        return dir;
    }
}
