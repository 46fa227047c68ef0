using System.CommandLine;

namespace GridEdge.Host.Cli;

/// <summary>The `gridedge` command line (CLI.md). Usage errors exit 2, not System.CommandLine's 1.</summary>
internal static class GridEdgeCli
{
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("GridEdge — edge energy management: reads meters, charges cars from PV surplus within the grid limits.");
        root.Add(RunCommand.Build(stdout, stderr));
        root.Add(ValidateCommandLine.Build(stdout, stderr));
        root.Add(ScenarioCommand.Build(stdout, stderr));
        root.Add(ModbusCommand.Build(stdout, stderr));
        root.Add(ChargerTestCommand.Build(stdout, stderr));
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var root = Build(stdout, stderr);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"gridedge: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'gridedge --help' for usage.");
            return ExitCodes.UsageError;
        }

        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return ExitCodes.Success;
        }
        catch (Exception ex)
        {
            // Last line of defence: one line that says what failed, not a stack trace.
            await stderr.WriteLineAsync($"gridedge: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.RuntimeFailure;
        }
    }
}
