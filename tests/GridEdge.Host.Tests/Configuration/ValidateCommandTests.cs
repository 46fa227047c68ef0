using System.Text.RegularExpressions;
using GridEdge.Host.Configuration;
using Xunit;

namespace GridEdge.Host.Tests.Configuration;

public sealed partial class ValidateCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("gridedge-validate-").FullName;
    private readonly StringWriter _stdout = new();
    private readonly StringWriter _stderr = new();

    public void Dispose()
    {
        _stdout.Dispose();
        _stderr.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void A_valid_file_exits_0_and_prints_one_ok_line()
    {
        var path = Write("ok.yaml", SiteYaml.Valid);

        var exit = ValidateCommand.Run(path, _stdout, _stderr);

        Assert.Equal(0, exit);
        Assert.Equal($"{path}: OK (1 chargers, 1 meters)" + Environment.NewLine, _stdout.ToString());
        Assert.Equal("", _stderr.ToString());
    }

    [Fact]
    public void An_invalid_file_exits_2_with_every_error_on_stderr_one_per_line()
    {
        var path = Write("bad.yaml", SiteYaml.Valid.Replace("max_current_a: 16", "max_current_a: 80", StringComparison.Ordinal)
            .Replace("voltage_v: 230", "voltage_v: abc", StringComparison.Ordinal));

        var exit = ValidateCommand.Run(path, _stdout, _stderr);

        Assert.Equal(2, exit);
        Assert.Equal("", _stdout.ToString());
        var lines = Lines(_stderr);
        Assert.Equal(
            [
                $"{path}:8:14: grid.voltage_v: expected a number, got 'abc'",
                $"{path}:28:20: chargers[0].max_current_a: 80 is above the chargepoint limit 32",
            ],
            lines);
        Assert.All(lines, line => Assert.Matches(ErrorLine(), line));
    }

    [Fact]
    public void A_missing_file_exits_2_with_one_line()
    {
        var path = Path.Combine(_dir, "nowhere.yaml");

        var exit = ValidateCommand.Run(path, _stdout, _stderr);

        Assert.Equal(2, exit);
        Assert.Equal([$"{path}:1:1: (file): file not found"], Lines(_stderr));
    }

    [Fact]
    public void A_directory_is_not_a_readable_site_file()
    {
        var exit = ValidateCommand.Run(_dir, _stdout, _stderr);

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(_stderr));
        Assert.StartsWith($"{_dir}:1:1: (file): cannot read the file", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_syntax_error_exits_2_in_the_same_format()
    {
        var path = Write("syntax.yaml", "site: [1, 2\n");

        var exit = ValidateCommand.Run(path, _stdout, _stderr);

        Assert.Equal(2, exit);
        var line = Assert.Single(Lines(_stderr));
        Assert.Matches(ErrorLine(), line);
        Assert.StartsWith(path + ":", line, StringComparison.Ordinal);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static string[] Lines(StringWriter writer) =>
        writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>FILE:LINE:COL: KEY.PATH: message.</summary>
    [GeneratedRegex(@"^.+:\d+:\d+: [^ ]+: .+$")]
    private static partial Regex ErrorLine();
}
