using GridEdge.Host.Hosting;
using GridEdge.Host.Runtime;
using GridEdge.Host.Tests.Runtime;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Hosting;

public sealed class SystemdWatchdogTests
{
    private sealed class RecordingNotifier : ISystemdNotifier
    {
        private int _pings;

        public int Pings => Volatile.Read(ref _pings);

        public bool IsEnabled => true;

        public void Notify(ServiceState state)
        {
            Assert.Equal("WATCHDOG=1", state.ToString());
            Interlocked.Increment(ref _pings);
        }
    }

    [Fact]
    public async Task Pings_only_while_control_cycles_complete()
    {
        var ct = TestContext.Current.CancellationToken;
        var configuration = DemoSite.Load();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero));
        var devices = SiteDevices.Create(configuration, time, out _);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance);
        var notifier = new RecordingNotifier();
        using var watchdog = new SystemdWatchdog(notifier, runtime, time, new WatchdogPeriod(TimeSpan.FromSeconds(20)));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var loop = watchdog.PingWhileHealthyAsync(stop.Token);

        // Healthy: a cycle every second, the watchdog timer fires every 10 s.
        for (var second = 0; second < 30; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await runtime.AdvanceSimulationAsync(ct);
            await runtime.CycleAsync(ct);
            await WaitUntil(() => notifier.Pings >= (second + 1) / 10, ct);
        }

        Assert.Equal(3, notifier.Pings);

        // Hung: no cycle any more. At most the next tick still sees a recent cycle; after that, silence,
        // so systemd's watchdog fires and restarts the service.
        await AdvanceIdle(time, 30, ct);
        var afterHang = notifier.Pings;
        Assert.InRange(afterHang, 3, 4);
        await AdvanceIdle(time, 60, ct);
        Assert.Equal(afterHang, notifier.Pings);
        await stop.CancelAsync();
        await loop;
    }

    [Theory]
    [InlineData("30000000", 30.0)]
    [InlineData("500000", 0.5)]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("0", null)]
    [InlineData("-5", null)]
    [InlineData("abc", null)]
    public void Period_is_read_from_watchdog_usec(string? usec, double? seconds)
    {
        Assert.Equal(seconds, WatchdogPeriod.Parse(usec).Value?.TotalSeconds);
    }

    private static async Task AdvanceIdle(FakeTimeProvider time, int seconds, CancellationToken ct)
    {
        for (var second = 0; second < seconds; second++)
        {
            time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(2, ct);
        }
    }

    private static async Task WaitUntil(Func<bool> condition, CancellationToken ct)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(5, ct);
        }
    }
}
