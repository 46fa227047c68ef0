using System.CommandLine;
using GridEdge.Host.Configuration;

namespace GridEdge.Host.Cli;

/// <summary>`gridedge validate FILE`: exit 0, or exit 2 with every error of the file on stderr.</summary>
internal static class ValidateCommandLine
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var file = new Argument<string>("FILE") { Description = "Site file to check (YAML)" };
        var command = new Command("validate", "Checks a site file and reports every error with file, line, column and key.") { file };
        command.SetAction(parse => ValidateCommand.Run(parse.GetRequiredValue(file), stdout, stderr));
        return command;
    }
}
