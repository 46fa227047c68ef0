namespace GridEdge.Devices.Credentials;

/// <summary>
/// The lines of a credentials file that carry something: trimmed, with their 1-based line number for
/// error messages; blank lines and <c>#</c> comments skipped. Callers must never echo a line back: it
/// may be the secret itself.
/// </summary>
public static class CredentialsFile
{
    public static IEnumerable<(int Number, string Text)> Lines(string path)
    {
        var number = 0;
        foreach (var raw in File.ReadLines(path))
        {
            number++;
            var line = raw.Trim();
            if (line.Length > 0 && !line.StartsWith('#'))
            {
                yield return (number, line);
            }
        }
    }
}
