using System.Globalization;

namespace GridEdge.Telemetry.Spool;

/// <summary>One segment file: a contiguous run of sequence numbers, appended to only while it is the newest.</summary>
internal sealed class SpoolSegment(string path, long firstSequence)
{
    public const string Extension = ".seg";

    public string Path { get; } = path;

    public long FirstSequence { get; } = firstSequence;

    /// <summary>Last sequence in the file; FirstSequence − 1 while empty.</summary>
    public long LastSequence { get; set; } = firstSequence - 1;

    public long Bytes { get; set; }

    public long LastSpooledAtUnixMs { get; set; }

    public long Count => LastSequence - FirstSequence + 1;

    public static string FileName(long firstSequence) => firstSequence.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseFileName(string fileName, out long firstSequence) =>
        long.TryParse(System.IO.Path.GetFileNameWithoutExtension(fileName), NumberStyles.None, CultureInfo.InvariantCulture, out firstSequence);
}
