using System.Diagnostics;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Host.Cli;
using GridEdge.Host.Configuration;
using GridEdge.Host.Runtime;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>
/// The demo's chargers over real MQTT (embedded broker, simulated chargers as separate MQTT
/// clients speaking generic JSON and go-e) against the same simulation in-process, on stepped
/// time in lockstep: each step waits until the states and commands have crossed the broker.
/// </summary>
public sealed class MqttLockstepTests
{
    private static readonly TimeSpan Duration = TimeSpan.FromHours(1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_hour_over_mqtt_gives_the_same_figures_as_in_process()
    {
        var configuration = DemoOnFreePorts();
        var inProcess = await FastRun.SimulateAsync(configuration, Duration, NullLogger.Instance, Ct);
        var (overMqtt, truth) = await RunOverMqtt(configuration);

        var expected = inProcess.Summary!;
        Assert.True(overMqtt.SetpointsSent > 100, "setpoints went over MQTT");
        Assert.Equal(expected.Cycles, overMqtt.Cycles);
        foreach (var (id, charged) in expected.ChargePoints)
        {
            var actual = overMqtt.ChargePoints[id].EvChargedWh;
            Assert.True(Math.Abs(actual - charged.EvChargedWh) <= Math.Max(150, charged.EvChargedWh * 0.05),
                $"{id}: {actual} Wh over MQTT vs {charged.EvChargedWh} Wh in-process");
        }

        Assert.Equal(expected.EnergyWh.Pv, overMqtt.EnergyWh.Pv, expected.EnergyWh.Pv * 0.01);
        Assert.Equal(expected.EnergyWh.GridImport, overMqtt.EnergyWh.GridImport, Math.Max(100, expected.EnergyWh.GridImport * 0.05));
        Assert.Equal(expected.SelfConsumption!.Value, overMqtt.SelfConsumption!.Value, 0.03);
        Assert.True(overMqtt.GridLimitLongestExcessCycles <= 1);
        Assert.Equal(0, overMqtt.FailsafeEvents);
        Assert.True(truth.ChargedTotal.WattHours > 3000, "cars charged over the MQTT path");
    }

    private static SiteConfiguration DemoOnFreePorts()
    {
        var yaml = File.ReadAllText(RepoPaths.DemoSite).Replace("port: 18883", $"port: {Peers.FreeTcpPort()}", StringComparison.Ordinal);
        var load = SiteConfigLoader.Parse(yaml, RepoPaths.DemoSite);
        Assert.True(load.Succeeded, string.Join("\n", load.Errors));
        return load.Configuration;
    }

    private static async Task<(RunSummary Summary, Simulation.SimulationTotals Truth)> RunOverMqtt(SiteConfiguration configuration)
    {
        var time = new SteppedTimeProvider(TimeProvider.System.GetUtcNow());
        await using var devices = SiteDevices.Create(configuration, time, out var problems, inProcess: false, metersInProcess: true);
        Assert.Empty(problems);
        await devices.StartAsync(Ct);
        var runtime = new SiteRuntime(configuration, devices, time, NullLogger.Instance);
        var drivers = devices.MqttChargePoints;
        Assert.Equal(3, drivers.Count);
        var end = time.GetUtcNow() + Duration;
        while (time.GetUtcNow() <= end)
        {
            var before = drivers.Select(d => d.Messages).ToArray();
            await runtime.AdvanceSimulationAsync(Ct);
            await WaitUntil(
                () => drivers.Select((d, i) => d.Messages >= before[i] + MessagesPerState(d)).All(x => x),
                () => $"charger states crossed the broker: " + string.Join(", ", drivers.Select((d, i) => $"{d.Id} {d.Messages}/{before[i] + MessagesPerState(d)} {d.LastError}")));
            foreach (var poller in runtime.Pollers)
            {
                await poller.PollIfDueAsync(Ct);
            }

            await runtime.CycleAsync(Ct);
            var decided = runtime.Status!.Chargepoints.ToDictionary(c => c.Id);
            await WaitUntil(
                () => devices.SimulatedEndpoints.All(e => Applied(e.ChargePoint.LastSetpoint, decided[e.ChargePoint.Id].Setpoint)),
                () => "setpoints crossed the broker: " + string.Join(", ", devices.SimulatedEndpoints.Select(e => $"{e.ChargePoint.Id} at charger {e.ChargePoint.LastSetpoint?.Current} decided {decided[e.ChargePoint.Id].Setpoint.CurrentA}")));
            time.Advance(configuration.Site.Control.Interval);
        }

        return (runtime.Summary(), devices.Simulation!.Totals);
    }

    /// <summary>The generic contract sends one state message; go-e one message per key (car, amp, frc, psm, wh, err, nrg).</summary>
    private static int MessagesPerState(MqttChargePoint driver) => driver is GoEChargePoint ? 7 : 1;

    private static bool Applied(Domain.Control.Setpoint? atCharger, Status.SetpointStatus decided) =>
        decided.CurrentA <= 0
            ? atCharger is null || atCharger.IsStop || atCharger.Current.Amperes <= 0
            : atCharger is not null && Math.Abs(atCharger.Current.Amperes - decided.CurrentA) < 0.05 && atCharger.Phases == decided.Phases;

    private static async Task WaitUntil(Func<bool> condition, Func<string> what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(5))
            {
                throw new TimeoutException($"in lockstep, not within 5 s: {what()}");
            }

            await Task.Delay(1, Ct);
        }
    }
}
