using GridEdge.Host.Runtime;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

public sealed class ShutdownTests
{
    [Fact]
    public async Task Stopping_gateway_leaves_every_charger_at_its_safe_value()
    {
        var ct = TestContext.Current.CancellationToken;
        var configuration = DemoSite.Load();
        var time = new SteppedTimeProvider(new DateTimeOffset(2026, 6, 1, 1, 30, 0, TimeSpan.Zero));
        await using var devices = SiteDevices.Create(configuration, time, out _, inProcess: true);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance);
        for (var second = 0; second < 30; second++)
        {
            await runtime.StepAsync(ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var visitor = devices.Simulation!.ChargePoint("visitor");
        Assert.Equal(16, visitor.LastSetpoint!.Current.Amperes);

        await runtime.SendSafeValuesAsync(TimeSpan.FromSeconds(3));

        // The `now` charger was running: the minimum current (fail-safe action min); the others stop.
        Assert.Equal(6, visitor.LastSetpoint!.Current.Amperes);
        Assert.True(devices.Simulation.ChargePoint("garage").LastSetpoint!.IsStop);
    }
}
