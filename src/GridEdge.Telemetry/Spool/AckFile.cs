using System.Buffers.Binary;

namespace GridEdge.Telemetry.Spool;

/// <summary>
/// The highest sequence the server has acknowledged, in its own small file: written to a temporary
/// file, flushed to disk and renamed over the old one, so a power loss leaves either the old or the
/// new position. An old position only means a few points are sent again, which overwrites them.
/// </summary>
internal sealed class AckFile(string directory)
{
    private const string FileName = "ack";
    private readonly string _path = Path.Combine(directory, FileName);
    private readonly string _temporaryPath = Path.Combine(directory, FileName + ".tmp");

    public long Read()
    {
        try
        {
            var bytes = File.ReadAllBytes(_path);
            if (bytes.Length == 12 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8)) == Crc32.Compute(bytes.AsSpan(0, 8)))
            {
                return BinaryPrimitives.ReadInt64LittleEndian(bytes);
            }
        }
        catch (FileNotFoundException)
        {
        }

        return 0;
    }

    public void Write(long acknowledged)
    {
        Span<byte> bytes = stackalloc byte[12];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, acknowledged);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Crc32.Compute(bytes[..8]));
        using (var stream = new FileStream(_temporaryPath, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(_temporaryPath, _path, overwrite: true);
    }
}
