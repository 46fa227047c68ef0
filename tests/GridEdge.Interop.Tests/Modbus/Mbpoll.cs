using System.Text.RegularExpressions;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Interop.Tests.Modbus;

/// <summary>mbpoll (libmodbus) as an independent Modbus client: one poll per run, values parsed from its output.</summary>
internal static partial class Mbpoll
{
    /// <summary>Runs mbpoll with <paramref name="arguments"/> and returns its output; asserts exit 0 unless <paramref name="expectSuccess"/> is false.</summary>
    public static async Task<string> RunAsync(string mbpoll, IReadOnlyList<string> arguments, bool expectSuccess, CancellationToken cancellationToken)
    {
        await using var process = PeerProcess.Start(mbpoll, arguments);
        var exit = await process.WaitForExitAsync(TimeSpan.FromSeconds(15), cancellationToken);
        if (expectSuccess)
        {
            Assert.True(exit == 0, $"mbpoll {string.Join(' ', arguments)} exited {exit}:\n{process.Output}");
        }

        return process.Output;
    }

    /// <summary>The values of mbpoll's `[ADDR]: VALUE` lines.</summary>
    public static double[] Values(string output) => [.. ValueLine().Matches(output).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"^\[\d+\]:\s+(-?[\d.]+)", RegexOptions.Multiline)]
    private static partial Regex ValueLine();
}
