using GridEdge.Devices.Polling;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Devices.Tests;

public sealed class BusPollerTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_dead_grid_meter_is_retried_with_backoff_capped_at_2_s_while_others_keep_their_schedule()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var grid = new FakeMeter("grid", time) { Dead = true };
        var pv = new FakeMeter("pv", time);
        var gridDevice = new PolledDevice(grid, PollSettings.For(Definition("grid", MeterRole.Grid, 1)));
        var pvDevice = new PolledDevice(pv, PollSettings.For(Definition("pv", MeterRole.Pv, 1)));
        var published = new List<string>();
        var poller = new BusPoller([gridDevice, pvDevice], (id, _) => published.Add(id), time, NullLogger.Instance);

        var gridTries = new List<double>();
        for (var second = 0; second < 12; second++)
        {
            var before = grid.Reads;
            await poller.PollDueAsync(Token);
            if (grid.Reads > before)
            {
                gridTries.Add(second);
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        // 1 s interval doubling to the 2 s cap: tries at 0, 1, 3, 5, 7, 9, 11.
        Assert.Equal([0, 1, 3, 5, 7, 9, 11], gridTries);
        Assert.Equal(12, pv.Reads);
        Assert.Equal(12, published.Count(id => id == "pv"));
        Assert.True(gridDevice.Status(time.GetUtcNow()).Stale);
        Assert.Equal(7, gridDevice.ConsecutiveFailures);

        grid.Dead = false;
        time.Advance(TimeSpan.FromSeconds(1));
        await poller.PollDueAsync(Token);
        var status = gridDevice.Status(time.GetUtcNow());
        Assert.False(status.Stale);
        Assert.Equal(TimeSpan.Zero, status.Age);
        Assert.Equal(0, gridDevice.ConsecutiveFailures);
    }

    [Fact]
    public void Other_devices_back_off_further_and_a_reading_turns_stale_after_three_intervals()
    {
        var settings = PollSettings.For(Definition("pv", MeterRole.Pv, 2));
        Assert.Equal([2, 4, 8, 16, 30, 30], Enumerable.Range(1, 6).Select(n => settings.RetryDelay(n).TotalSeconds));

        var time = new FakeTimeProvider();
        var device = new PolledDevice(new FakeMeter("pv", time), settings)
        {
            Latest = new Reading<MeterSample>(new MeterSample { Power = Power.Zero }, time.GetUtcNow(), ReadingQuality.Good, "pv"),
        };
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.False(device.Status(time.GetUtcNow()).Stale);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(device.Status(time.GetUtcNow()).Stale);
    }

    private static MeterDefinition Definition(string id, MeterRole role, int seconds) => new()
    {
        Id = id,
        Role = role,
        PollInterval = TimeSpan.FromSeconds(seconds),
        Connection = new ModbusConnection("tcp://127.0.0.1:502", 1, "eastron-sdm630"),
    };

    private sealed class FakeMeter(string id, TimeProvider time) : IMeter
    {
        public string Id => id;

        public bool Dead { get; set; }

        public int Reads { get; private set; }

        public ValueTask<Reading<MeterSample>> ReadAsync(CancellationToken cancellationToken)
        {
            Reads++;
            return Dead
                ? throw new ModbusTimeoutException($"unit 1 FC04 at 0: no reply within 1000 ms")
                : ValueTask.FromResult(new Reading<MeterSample>(new MeterSample { Power = new Power(100) }, time.GetUtcNow(), ReadingQuality.Good, id));
        }
    }
}
