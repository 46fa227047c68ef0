using System.Globalization;
using GridEdge.Benchmarks;

// Benchmarks print their figures; docs/benchmarks.md records them with the date.
// Usage: dotnet run -c Release --project tests/GridEdge.Benchmarks [-- NAME]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var benchmarks = new Dictionary<string, Func<TextWriter, Task>>(StringComparer.Ordinal)
{
    ["control-cycle"] = output => { ControlCycleBenchmark.Run(output); return Task.CompletedTask; },
    ["modbus"] = ModbusBenchmarks.RunAsync,
    ["telemetry"] = TelemetryBenchmarks.RunAsync,
    ["mqtt"] = MqttBenchmarks.RunAsync,
    ["optimization"] = OptimizationBenchmarks.RunAsync,
};

var selected = args.Length > 0 ? args : [.. benchmarks.Keys];
foreach (var name in selected)
{
    if (!benchmarks.TryGetValue(name, out var run))
    {
        Console.Error.WriteLine($"unknown benchmark '{name}' (known: {string.Join(", ", benchmarks.Keys)})");
        return 2;
    }

    await run(Console.Out);
}

return 0;
