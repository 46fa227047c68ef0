using System.Globalization;
using GridEdge.Benchmarks;

// Benchmarks print their figures; docs/benchmarks.md records them with the date.
// Usage: dotnet run -c Release --project tests/GridEdge.Benchmarks [-- control-cycle]
var which = args.Length > 0 ? args[0] : "all";
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
if (which is "all" or "control-cycle")
{
    ControlCycleBenchmark.Run(Console.Out);
}
else
{
    Console.Error.WriteLine($"unknown benchmark '{which}' (known: control-cycle)");
    return 2;
}

return 0;
