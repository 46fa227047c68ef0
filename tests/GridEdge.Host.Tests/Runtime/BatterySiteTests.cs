using GridEdge.Domain.Control;
using GridEdge.Host.Cli;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>
/// The example home with a 10 kWh battery (firmware-config/sites/eu-home-battery.yaml): a simulated day
/// with and without the battery, the battery commanded over Modbus like a real one, and a profile that
/// cannot command a battery refused at start.
/// </summary>
public sealed class BatterySiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Yaml => File.ReadAllText(RepoPaths.Site("eu-home-battery"));

    private static SiteConfiguration Load(string yaml)
    {
        var load = SiteConfigLoader.Parse(yaml, RepoPaths.Site("eu-home-battery"));
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    /// <summary>The same home without its battery section.</summary>
    private static string WithoutBattery(string yaml)
    {
        var start = yaml.IndexOf("battery:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("mqtt:\n", start, StringComparison.Ordinal);
        return yaml[..start] + yaml[end..];
    }

    [Fact]
    public async Task Over_a_day_the_battery_keeps_pv_on_site_within_its_window_and_the_fuse()
    {
        var with = await FastRun.SimulateAsync(Load(Yaml), TimeSpan.FromHours(24), NullLogger.Instance, Ct);
        var without = await FastRun.SimulateAsync(Load(WithoutBattery(Yaml)), TimeSpan.FromHours(24), NullLogger.Instance, Ct);
        Assert.Empty(with.Problems);
        Assert.Empty(without.Problems);
        var battery = with.Summary!.Battery!;

        // 10 kWh between 10 and 95 %: it takes the day's surplus and gives it back, and exports less.
        Assert.True(battery.ChargedWh > 8000 && battery.DischargedWh > 6000, $"charged {battery.ChargedWh} Wh, discharged {battery.DischargedWh} Wh");
        Assert.InRange(battery.SocEnd, 0.1, 0.95);
        Assert.True(
            with.Summary.EnergyWh.GridExport < without.Summary!.EnergyWh.GridExport - 5000,
            $"export {with.Summary.EnergyWh.GridExport} Wh with the battery, {without.Summary.EnergyWh.GridExport} Wh without");
        Assert.True(with.Summary.SelfConsumption > without.Summary.SelfConsumption + 0.1);
        // The car still gets its 20 kWh, and no limit is crossed for longer than the cycle that sees it.
        Assert.True(with.Summary.ChargePoints["wallbox"].EvChargedWh >= 20_000 - 100);
        Assert.True(with.Summary.GridLimitLongestExcessCycles <= 1, $"over a limit for {with.Summary.GridLimitLongestExcessCycles} cycles in a row");
        Assert.Null(without.Summary.Battery);
    }

    [Fact]
    public async Task The_gateway_commands_the_battery_over_modbus_through_its_profile()
    {
        var port = Peers.FreeTcpPort();
        var configuration = Load(Yaml.Replace("tcp://127.0.0.1:15023", $"tcp://127.0.0.1:{port}", StringComparison.Ordinal));
        // Fake time, not stepped: the Modbus stack arms timeouts (they never fire unless the test advances).
        var time = new FakeTimeProvider(FastRun.Start(configuration, TimeProvider.System.GetUtcNow()));
        await using var devices = SiteDevices.Create(configuration, time, out var problems, inProcess: true, metersInProcess: false);
        Assert.Empty(problems);
        Assert.IsType<Devices.Modbus.ModbusBattery>(devices.Battery);
        await devices.StartAsync(Ct);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance, planSynchronously: true);
        for (var second = 0; second < 20; second++)
        {
            await runtime.StepAsync(Ct);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        var status = runtime.Status!.Battery!;
        // Read back through the profile (0.1 % per bit) and commanded through its writable register.
        Assert.Equal(30, status.SocPercent!.Value, 0.5);
        Assert.Contains(status.Reason, new[] { DecisionReason.Planned, DecisionReason.SelfConsumption });
        Assert.Equal(status.SetpointW, devices.Simulation!.Battery!.Commanded.Watts, 0.5);
        Assert.NotEqual(0, status.SetpointW);
    }

    [Fact]
    public async Task A_profile_that_cannot_command_a_battery_is_refused_at_start()
    {
        var configuration = Load(Yaml.Replace("profile: gridedge-battery", "profile: eastron-sdm630", StringComparison.Ordinal));

        await using var devices = SiteDevices.Create(configuration, new SteppedTimeProvider(DateTimeOffset.UnixEpoch), out var problems, inProcess: true, metersInProcess: false);

        var problem = Assert.Single(problems);
        Assert.StartsWith("battery: ", problem, StringComparison.Ordinal);
        Assert.Contains("eastron-sdm630", problem, StringComparison.Ordinal);
        Assert.Null(devices.Battery);
    }
}
