using Xunit;

namespace GridEdge.Optimization.Tests;

public sealed class SolverProbeTests
{
    [Fact]
    public void Highs_native_library_loads_on_this_platform()
    {
        Assert.True(SolverProbe.HighsLoads());
    }
}
