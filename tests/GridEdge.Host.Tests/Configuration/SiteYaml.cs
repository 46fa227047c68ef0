using GridEdge.Host.Configuration;
using Xunit;

namespace GridEdge.Host.Tests.Configuration;

/// <summary>A small valid site file for tests to break in one place, and helpers to load YAML text.</summary>
internal static class SiteYaml
{
    public const string FileName = "test.yaml";

    // Line numbers matter: tests assert the positions of errors in this text.
    public const string Valid = """
        site:
          id: test
          name: Test site
          timezone: Europe/Berlin
          currency: EUR
        grid:
          phases: 3
          voltage_v: 230
          max_current_a: 25
          meter: grid
        meters:
          - id: grid
            role: grid
            modbus:
              endpoint: tcp://127.0.0.1:5020
              unit: 1
              profile: eastron-sdm630
        mqtt:
          brokers:
            - id: local
              url: mqtt://127.0.0.1:1883
        chargers:
          - id: garage
            protocol: generic
            broker: local
            device_id: evbar
            phases: 3
            max_current_a: 16

        """;

    public static IReadOnlyList<ConfigError> Errors(string yaml)
    {
        var result = SiteConfigLoader.Parse(yaml, FileName);
        Assert.False(result.Succeeded, "expected the site file to be invalid");
        return result.Errors;
    }

    /// <summary>The only error of <paramref name="yaml"/>; fails when there is none or more than one.</summary>
    public static ConfigError SingleError(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }

    public static SiteConfiguration Load(string yaml)
    {
        var result = SiteConfigLoader.Parse(yaml, FileName);
        Assert.True(result.Succeeded, "expected no errors, got:\n" + string.Join("\n", result.Errors));
        return result.Configuration;
    }

    /// <summary><see cref="Valid"/> with <paramref name="oldText"/> (which must occur once) replaced.</summary>
    public static string With(string oldText, string newText) => Replace(Valid, oldText, newText);

    public static string Replace(string yaml, string oldText, string newText)
    {
        var first = yaml.IndexOf(oldText, StringComparison.Ordinal);
        Assert.True(first >= 0 && yaml.IndexOf(oldText, first + 1, StringComparison.Ordinal) < 0, $"'{oldText}' must occur exactly once");
        return yaml.Replace(oldText, newText, StringComparison.Ordinal);
    }

    public static void AssertError(ConfigError error, int line, int column, string path, string message)
    {
        Assert.Equal(message, error.Message);
        Assert.Equal(path, error.Path);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Equal(FileName, error.File);
    }
}
