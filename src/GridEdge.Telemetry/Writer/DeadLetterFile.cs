using System.Globalization;
using System.Text;

namespace GridEdge.Telemetry.Writer;

/// <summary>
/// Lines the server refused for good (400/422, or a single line too large), each preceded by a
/// <c>#</c> comment with the time, status and the server's error — so the file stays valid line
/// protocol and can be re-imported once the cause is fixed. Bounded: at the size limit the file is
/// moved to <c>.1</c> (replacing the previous one).
/// </summary>
public sealed class DeadLetterFile(string path, TimeProvider time, long maxBytes = 16L * 1024 * 1024)
{
    private readonly Lock _gate = new();

    public string Path { get; } = path;

    public void Write(ReadOnlySpan<byte> line, int status, string message)
    {
        var comment = string.Create(CultureInfo.InvariantCulture, $"# {time.GetUtcNow():O} HTTP {status}: {message.ReplaceLineEndings(" ")}\n");
        lock (_gate)
        {
            var info = new FileInfo(Path);
            if (info.Exists && info.Length + comment.Length + line.Length > maxBytes)
            {
                File.Move(Path, Path + ".1", overwrite: true);
            }

            using var stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 0);
            stream.Write(Encoding.UTF8.GetBytes(comment));
            stream.Write(line);
            if (line.IsEmpty || line[^1] != (byte)'\n')
            {
                stream.WriteByte((byte)'\n');
            }

            stream.Flush(flushToDisk: true);
        }
    }
}
