namespace GridEdge.Devices.Tests;

/// <summary>A temporary profile directory for loader tests.</summary>
internal sealed class TempProfiles : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("gridedge-profiles-").FullName;

    public void Write(string name, string yaml) => File.WriteAllText(System.IO.Path.Combine(Path, name + ".yaml"), yaml);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
