using GridEdge.Host.Cli;
using Xunit;

namespace GridEdge.Devices.Tests.Cli;

/// <summary>Runs `gridedge …` in-process and captures what it prints.</summary>
internal static class Cli
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] all = [.. args, "--profiles", ShippedProfiles.Directory];
        var exit = await GridEdgeCli.InvokeAsync(all, stdout, stderr, TestContext.Current.CancellationToken);
        return (exit, stdout.ToString().Trim(), stderr.ToString().Trim());
    }
}
