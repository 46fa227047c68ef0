using GridEdge.Telemetry.Spool;
using Xunit;

namespace GridEdge.Interop.Tests.Telemetry;

/// <summary>The unacknowledged lines in a spool directory, read through a copy so that the original stays untouched.</summary>
internal static class SpoolContents
{
    public static IReadOnlyList<string> PendingLines(string spoolDirectory)
    {
        var copy = Path.Combine(Path.GetTempPath(), "gridedge-spool-copy-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        try
        {
            foreach (var file in Directory.GetFiles(spoolDirectory))
            {
                File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            }

            var lines = new List<string>();
            using var spool = DiskSpool.Open(new SpoolOptions { Directory = copy });
            while (spool.Read(10_000, 4 * 1024 * 1024) is { } batch)
            {
                using (batch)
                {
                    lines.AddRange(System.Text.Encoding.UTF8.GetString(batch.Lines.Span).Split('\n', StringSplitOptions.RemoveEmptyEntries));
                }
            }

            Assert.Equal(spool.Pending, lines.Count);
            return lines;
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    /// <summary>"measurement,tags@timestamp" of a line: what identifies a point in InfluxDB (the demo has no spaces in names or tags).</summary>
    public static string Key(string line) => line[..line.IndexOf(' ', StringComparison.Ordinal)] + "@" + line[(line.LastIndexOf(' ') + 1)..];
}
