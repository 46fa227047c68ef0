using System.CommandLine;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Cli;

/// <summary>An option taking a duration in the CLI.md syntax (500ms, 20s, 5m, 2h, 1d).</summary>
internal static class DurationOption
{
    public static Option<TimeSpan?> Create(string name, string description) => new(name)
    {
        Description = description + " (" + Durations.Syntax + ")",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
            if (Durations.TryParse(text, out var duration) && duration > TimeSpan.Zero)
            {
                return duration;
            }

            result.AddError($"{name}: '{text}' is not a duration; expected {Durations.Syntax}");
            return null;
        },
    };
}
