using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace GridEdge.Optimization.Tests.Scenarios;

/// <summary>Runs the independent scorer (score.py, standard library only) on a dispatch CSV and returns its report.</summary>
internal static class ScorerCheck
{
    public static JsonElement Score(string scenarioDir, string dispatchCsv)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(ScenarioFolders.Root, "score.py"));
        start.ArgumentList.Add(scenarioDir);
        start.ArgumentList.Add(dispatchCsv);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode is 0 or 1, $"score.py exit {process.ExitCode}: {error}{output}");
        return JsonDocument.Parse(output).RootElement.Clone();
    }

    /// <summary>reference.json's summary figure <paramref name="name"/>.</summary>
    public static double Reference(string scenarioDir, string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(scenarioDir, "reference.json")));
        return document.RootElement.GetProperty("summary").GetProperty(name).GetDouble();
    }
}
