namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>A spool directory of its own per test, removed afterwards.</summary>
internal sealed class SpoolDirectory : IDisposable
{
    public SpoolDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "gridedge-spool-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static implicit operator string(SpoolDirectory directory) => directory.Path;

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
