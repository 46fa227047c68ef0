using YamlDotNet.Core;

namespace GridEdge.Host.Configuration;

/// <summary>Collects the errors of one site file so that all of them are reported at once.</summary>
internal sealed class ConfigErrors(string file)
{
    private readonly List<ConfigError> _errors = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    public void Add(Mark position, string path, string message) =>
        _errors.Add(new ConfigError(File, ToInt(position.Line), ToInt(position.Column), ConfigPath.Display(path), message));

    /// <summary>The errors by position in the file; errors at the same position keep their order.</summary>
    public IReadOnlyList<ConfigError> ToList() =>
        [.. _errors.Select((e, i) => (e, i)).OrderBy(x => x.e.Line).ThenBy(x => x.e.Column).ThenBy(x => x.i).Select(x => x.e)];

    private static int ToInt(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
