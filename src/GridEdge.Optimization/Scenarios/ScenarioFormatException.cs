namespace GridEdge.Optimization.Scenarios;

/// <summary>A scenario file that cannot be used; the message names the file and the field.</summary>
public sealed class ScenarioFormatException : Exception
{
    public ScenarioFormatException()
    {
    }

    public ScenarioFormatException(string message)
        : base(message)
    {
    }

    public ScenarioFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ScenarioFormatException(string file, string field, string problem)
        : base($"{file}: {field}: {problem}")
    {
        File = file;
        Field = field;
    }

    public string? File { get; }

    public string? Field { get; }
}
