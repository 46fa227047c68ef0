using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using GridEdge.Devices.Mqtt;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MQTTnet;
using MQTTnet.Protocol;

namespace GridEdge.Benchmarks;

/// <summary>
/// mqtt: setpoint round trip through a mosquitto on 127.0.0.1 with 50 simulated chargers. Each
/// charger is its own MQTTnet client speaking the generic JSON contract: it answers every command
/// with a state echoing the commanded current. The gateway side is one <see cref="MqttConnection"/>
/// and 50 <see cref="GenericJsonChargePoint"/> drivers; a round trip runs from <c>ApplyAsync</c>
/// (publish, QoS 1) to the arrival of the state that makes <c>Confirms(setpoint)</c> true.
/// Two loads: one setpoint in flight at a time, and all 50 at once (one control cycle's writes).
/// </summary>
internal static class MqttBenchmarks
{
    private const int Chargers = 50;
    private const string Prefix = "bench/charger";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public static async Task RunAsync(TextWriter output)
    {
        if (Peers.Find("mosquitto") is not { } mosquitto)
        {
            output.WriteLine("mqtt: mosquitto not installed (apt-get install mosquitto): skipped");
            return;
        }

        output.WriteLine($"mqtt: setpoint round trip (ApplyAsync → state confirming it), {Chargers} chargers, {await BrokerVersionAsync(mosquitto)} on 127.0.0.1");

        // mosquitto leaves Nagle on by default: a lone small packet waits for the peer's delayed ACK (~40 ms on Linux).
        await OnBrokerAsync(output, mosquitto, "default config", "");
        await OnBrokerAsync(output, mosquitto, "set_tcp_nodelay true", "set_tcp_nodelay true\n");
    }

    private static async Task OnBrokerAsync(TextWriter output, string mosquitto, string label, string extraConfig)
    {
        var directory = Directory.CreateTempSubdirectory("gridedge-bench-mqtt-").FullName;
        var port = Peers.FreeTcpPort();
        var config = Path.Combine(directory, "mosquitto.conf");
        await File.WriteAllTextAsync(config, string.Create(CultureInfo.InvariantCulture, $"listener {port} 127.0.0.1\npersistence false\nallow_anonymous true\nmax_queued_messages 10000\n{extraConfig}"));
        await using var broker = PeerProcess.Start(mosquitto, ["-c", config]);
        await broker.WaitForTcpAsync(port, TimeSpan.FromSeconds(15), CancellationToken.None);

        var chargers = new List<IMqttClient>();
        try
        {
            for (var i = 0; i < Chargers; i++)
            {
                chargers.Add(await EchoChargerAsync(port, DeviceId(i)));
            }

            await using var connection = new MqttConnection("bench", new MqttBrokerOptions
            {
                Url = new Uri($"mqtt://127.0.0.1:{port}"),
                ClientId = "gridedge-bench",
            }, TimeProvider.System, NullLogger.Instance);
            connection.Start();
            await connection.WaitConnectedAsync(TimeSpan.FromSeconds(10), CancellationToken.None);
            using var gateway = await Gateway.StartAsync(connection);

            output.WriteLine($"  broker {label}:");
            await gateway.SequentialAsync(100);
            Report(output, "one in flight", await gateway.SequentialAsync(500), cycles: null);
            await gateway.BurstAsync(10);
            var burst = await gateway.BurstAsync(200);
            Report(output, $"{Chargers} at once ", burst.RoundTrips, burst.Cycles);
            output.WriteLine($"    lost (not confirmed within {Patience.TotalSeconds:0} s): {gateway.Lost}; gateway messages in {connection.MessagesReceived}, out {connection.MessagesPublished}");
        }
        finally
        {
            foreach (var charger in chargers)
            {
                await charger.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), CancellationToken.None);
                charger.Dispose();
            }

            Directory.Delete(directory, recursive: true);
        }
    }

    private static string DeviceId(int i) => string.Create(CultureInfo.InvariantCulture, $"cp{i:00}");

    private static void Report(TextWriter output, string label, double[] roundTrips, double[]? cycles)
    {
        Array.Sort(roundTrips);
        var line = string.Create(CultureInfo.InvariantCulture, $"    {label} {roundTrips.Length,6} round trips   p50 {Percentile(roundTrips, 0.50):0.000} ms   p99 {Percentile(roundTrips, 0.99):0.000} ms   max {roundTrips[^1]:0.000} ms");
        if (cycles is not null)
        {
            Array.Sort(cycles);
            line += string.Create(CultureInfo.InvariantCulture, $"   | all {Chargers} confirmed: p50 {Percentile(cycles, 0.50):0.000} ms   p99 {Percentile(cycles, 0.99):0.000} ms");
        }

        output.WriteLine(line);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * p))];

    private static async Task<string> BrokerVersionAsync(string mosquitto)
    {
        await using var help = PeerProcess.Start(mosquitto, ["-h"]);
        await help.WaitForExitAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
        return help.Output.Split('\n').FirstOrDefault(l => l.StartsWith("mosquitto version", StringComparison.Ordinal))?.Trim() ?? "mosquitto";
    }

    /// <summary>A charger that answers every command on &lt;prefix&gt;/&lt;id&gt;/set with its state at the commanded current (QoS 0, like the simulated chargers).</summary>
    private static async Task<IMqttClient> EchoChargerAsync(int port, string id)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        var stateTopic = $"{Prefix}/{id}/state";
        client.ApplicationMessageReceivedAsync += e =>
        {
            using var command = JsonDocument.Parse(e.ApplicationMessage.Payload);
            var amperes = command.RootElement.GetProperty("current_a").GetDouble();
            var phases = command.RootElement.GetProperty("phases").GetInt32();
            var state = string.Create(CultureInfo.InvariantCulture, $$"""{"connected":true,"charging":true,"power_w":{{amperes * 230 * phases:0.#}},"current_a":{{amperes:0.##}},"phases":{{phases}}}""");
            return client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(stateTopic).WithPayload(state)
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtMostOnce).Build());
        };
        await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId($"bench-{id}").WithCleanStart(true).Build());
        await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter($"{Prefix}/{id}/set").Build());
        return client;
    }

    /// <summary>The gateway side: drivers, and per charger the arrival time of its latest state and a signal.</summary>
    private sealed class Gateway : IDisposable
    {
        private readonly GenericJsonChargePoint[] _drivers;
        private readonly long[] _arrived = new long[Chargers];
        private readonly SemaphoreSlim[] _signals = [.. Enumerable.Range(0, Chargers).Select(_ => new SemaphoreSlim(0))];
        private int _round;
        private int _lost;

        private Gateway(GenericJsonChargePoint[] drivers)
        {
            _drivers = drivers;
        }

        public int Lost => Volatile.Read(ref _lost);

        public static async Task<Gateway> StartAsync(MqttConnection connection)
        {
            var drivers = Enumerable.Range(0, Chargers).Select(i => new GenericJsonChargePoint(
                new ChargePointDefinition
                {
                    Id = DeviceId(i),
                    Protocol = "generic",
                    Prefix = Prefix,
                    Phases = 3,
                    Voltage = Voltage.Europe,
                    MinCurrent = new Current(6),
                    MaxCurrent = new Current(16),
                    Mode = ChargeMode.Now,
                },
                connection,
                TimeProvider.System,
                NullLogger.Instance)).ToArray();
            var gateway = new Gateway(drivers);

            // Beside the drivers' own subscriptions: when did each charger's state arrive (the drivers run on the same receive loop).
            await connection.SubscribeAsync($"{Prefix}/+/state", gateway.OnState, CancellationToken.None);
            foreach (var driver in drivers)
            {
                await driver.StartAsync(CancellationToken.None);
            }

            return gateway;
        }

        public async Task<double[]> SequentialAsync(int count)
        {
            var roundTrips = new List<double>(count);
            for (var n = 0; n < count; n++)
            {
                if (n % Chargers == 0)
                {
                    _round++;
                }

                if (await RoundTripAsync(n % Chargers, _round) is { } ms)
                {
                    roundTrips.Add(ms);
                }
            }

            return [.. roundTrips];
        }

        public async Task<(double[] RoundTrips, double[] Cycles)> BurstAsync(int cycles)
        {
            var roundTrips = new List<double>(cycles * Chargers);
            var cycleTimes = new List<double>(cycles);
            for (var c = 0; c < cycles; c++)
            {
                var round = ++_round;
                var start = Stopwatch.GetTimestamp();
                var results = await Task.WhenAll(Enumerable.Range(0, Chargers).Select(i => RoundTripAsync(i, round)));
                cycleTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                roundTrips.AddRange(results.OfType<double>());
                await Task.Delay(20);
            }

            return ([.. roundTrips], [.. cycleTimes]);
        }

        /// <summary>One setpoint to charger <paramref name="i"/>, alternating 16 A / 6 A by round; milliseconds to confirmation, or null when lost.</summary>
        private async Task<double?> RoundTripAsync(int i, int round)
        {
            var driver = _drivers[i];
            var setpoint = Setpoint.ForCurrent(driver.Id, new Current(round % 2 == 0 ? 6 : 16), 3, Voltage.Europe, DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30));
            while (_signals[i].CurrentCount > 0)
            {
                await _signals[i].WaitAsync();
            }

            var start = Stopwatch.GetTimestamp();
            await driver.ApplyAsync(setpoint, CancellationToken.None);
            while (!driver.Confirms(setpoint))
            {
                if (Stopwatch.GetElapsedTime(start) > Patience)
                {
                    Interlocked.Increment(ref _lost);
                    return null;
                }

                // Short waits: this handler may have run just before the driver's for the same message.
                await _signals[i].WaitAsync(TimeSpan.FromMilliseconds(1));
            }

            // The driver may have seen the state just before this handler stamped its arrival.
            while (Volatile.Read(ref _arrived[i]) < start)
            {
                await _signals[i].WaitAsync(TimeSpan.FromMilliseconds(1));
            }

            return Stopwatch.GetElapsedTime(start, Volatile.Read(ref _arrived[i])).TotalMilliseconds;
        }

        public void Dispose()
        {
            foreach (var signal in _signals)
            {
                signal.Dispose();
            }
        }

        private void OnState(string topic, ReadOnlySequence<byte> payload, bool retained)
        {
            var id = topic[(Prefix.Length + 1)..topic.LastIndexOf('/')];
            var i = int.Parse(id.AsSpan(2), NumberStyles.None, CultureInfo.InvariantCulture);
            Volatile.Write(ref _arrived[i], Stopwatch.GetTimestamp());
            _signals[i].Release();
        }
    }
}
