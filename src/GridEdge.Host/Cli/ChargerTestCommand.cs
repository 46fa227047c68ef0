using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using GridEdge.Devices.Mqtt;
using GridEdge.Devices.Mqtt.Chargers;
using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Host.Status;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Host.Cli;

/// <summary>
/// `gridedge charger test`: connects to the broker, shows the charger's state, sends one setpoint
/// (never retained) and waits until the charger reports it, printing the round-trip time.
/// Exit 4 when the charger is offline or silent, 5 when the broker cannot be reached, 3 when the
/// charger cannot do what was asked (discharge without V2H).
/// </summary>
internal static class ChargerTestCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var broker = new Option<string>("--broker") { Description = "mqtt://HOST:PORT or mqtts://HOST:PORT (credentials from GRIDEDGE_MQTT_USERNAME/PASSWORD)", Required = true };
        var protocol = new Option<string>("--protocol") { Description = "generic | go-e | openwb | everest", Required = true };
        protocol.AcceptOnlyFromAmong("generic", "go-e", "openwb", "everest");
        var id = new Option<string>("--id") { Description = "The charger's id or serial in its topics", Required = true };
        var prefix = new Option<string?>("--prefix") { Description = "Topic prefix (generic; default gridedge/charger)" };
        var current = new Option<double?>("--current") { Description = "Current to set, amperes per phase" };
        var power = new Option<double?>("--power") { Description = "Power to set in watts; negative discharges (V2H chargers only)" };
        var phases = new Option<int?>("--phases") { Description = "Phases for the setpoint (default: what the charger reports)" };
        var timeout = DurationOption.Create("--timeout", "How long to wait for the charger (default 10s)");
        var json = new Option<bool>("--json") { Description = "Print one JSON object" };
        var command = new Command("test", "Shows a charger's state, sends one setpoint and measures the round trip.")
        {
            broker, protocol, id, prefix, current, power, phases, timeout, json,
        };
        command.SetAction((parse, cancellationToken) => RunAsync(
            new ChargerTestRequest(
                parse.GetRequiredValue(broker), parse.GetRequiredValue(protocol), parse.GetRequiredValue(id), parse.GetValue(prefix),
                parse.GetValue(current), parse.GetValue(power), parse.GetValue(phases), parse.GetValue(timeout) ?? TimeSpan.FromSeconds(10), parse.GetValue(json)),
            stdout,
            stderr,
            cancellationToken));
        return new Command("charger", "Tools for commissioning chargers.") { command };
    }

    public static async Task<int> RunAsync(ChargerTestRequest request, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (request.Current is not null && request.Power is not null)
        {
            return await Fail(stderr, ExitCodes.UsageError, "give --current or --power, not both");
        }

        if (!Uri.TryCreate(request.Broker, UriKind.Absolute, out var url) || url.Scheme is not ("mqtt" or "mqtts"))
        {
            return await Fail(stderr, ExitCodes.UsageError, $"--broker: '{request.Broker}' is not mqtt://HOST:PORT or mqtts://HOST:PORT");
        }

        var time = TimeProvider.System;
        await using var connection = new MqttConnection("cli", new MqttBrokerOptions
        {
            Url = url,
            ClientId = $"gridedge-cli-{Environment.ProcessId}",
            Credentials = MqttCredentials.Resolve(null, Environment.GetEnvironmentVariable),
        }, time, NullLogger.Instance);
        var definition = new ChargePointDefinition
        {
            Id = request.Id,
            Protocol = request.Protocol,
            DeviceId = request.Id,
            Prefix = request.Prefix,
            Phases = request.Phases ?? 3,
            Voltage = Voltage.Europe,
            MinCurrent = new Current(0),
            MaxCurrent = new Current(80),
            Bidirectional = true,
            Mode = ChargeMode.Off,
        };
        var charger = MqttChargePoints.Create(definition, connection, time, NullLogger.Instance);
        if (charger is null)
        {
            return await Fail(stderr, ExitCodes.UsageError, $"--protocol {request.Protocol} has no driver in this build");
        }

        connection.Start();
        try
        {
            await connection.WaitConnectedAsync(request.Timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            return await Fail(stderr, ExitCodes.ConnectFailed, $"cannot connect to {url} within {Durations.Format(request.Timeout)}");
        }

        await charger.StartAsync(cancellationToken);
        var state = await WaitFor(() => charger.LatestSample is not null || charger.IsOffline, request.Timeout, time, cancellationToken);
        // Retained availability may trail the retained state by a moment.
        await Task.Delay(TimeSpan.FromMilliseconds(200), time, cancellationToken);
        if (charger.IsOffline)
        {
            return await Fail(stderr, ExitCodes.Timeout, $"charger {request.Id} reports offline (status/last will)");
        }

        if (!state || charger.LatestSample is not { } sample)
        {
            return await Fail(stderr, ExitCodes.Timeout, $"charger {request.Id} sent no state within {Durations.Format(request.Timeout)} (check --protocol, --id, --prefix)");
        }

        if (request.Current is null && request.Power is null)
        {
            await Print(stdout, request, sample, null, null);
            return ExitCodes.Success;
        }

        if (request.Power is < 0 && charger.ReportsDischarge != true)
        {
            return await Fail(stderr, ExitCodes.DeviceError, $"charger {request.Id} does not report V2H capability: refusing a discharge setpoint");
        }

        var now = time.GetUtcNow();
        var setpointPhases = request.Phases ?? sample.ActivePhases;
        var setpoint = request.Power is { } watts
            ? Setpoint.ForPower(request.Id, new Power(watts), setpointPhases, Voltage.Europe, now, TimeSpan.FromSeconds(60))
            : Setpoint.ForCurrent(request.Id, new Current(request.Current!.Value), setpointPhases, Voltage.Europe, now, TimeSpan.FromSeconds(60));
        var sent = time.GetTimestamp();
        await charger.ApplyAsync(setpoint, cancellationToken);
        if (!await WaitFor(() => charger.Confirms(setpoint), request.Timeout, time, cancellationToken))
        {
            return await Fail(stderr, ExitCodes.Timeout, $"charger {request.Id} did not report the new setpoint within {Durations.Format(request.Timeout)}");
        }

        var roundTrip = time.GetElapsedTime(sent);
        await Print(stdout, request, charger.LatestSample!, setpoint, roundTrip);
        return ExitCodes.Success;
    }

    private static async Task Print(TextWriter stdout, ChargerTestRequest request, ChargePointSample sample, Setpoint? setpoint, TimeSpan? roundTrip)
    {
        if (request.Json)
        {
            var report = new
            {
                id = request.Id,
                protocol = request.Protocol,
                state = new
                {
                    status = sample.Status.ToString().ToLowerInvariant(),
                    current_a = sample.ChargeCurrent.Amperes,
                    phases = sample.ActivePhases,
                    power_w = sample.Power.Watts,
                    energy_wh = sample.SessionEnergy.WattHours,
                    soc = sample.Vehicle?.StateOfCharge,
                },
                setpoint = setpoint is null ? null : new { current_a = setpoint.Current.Amperes, power_w = setpoint.Power.Watts, phases = setpoint.Phases },
                round_trip_ms = roundTrip?.TotalMilliseconds,
            };
            await stdout.WriteLineAsync(JsonSerializer.Serialize(report, JsonOutput.Options));
            return;
        }

        await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"charger {request.Id} ({request.Protocol}): {sample.Status.ToString().ToLowerInvariant()}, {sample.ChargeCurrent.Amperes:0.0} A × {sample.ActivePhases}, {sample.Power.Watts:0} W, session {sample.SessionEnergy.KilowattHours:0.00} kWh"));
        if (setpoint is not null && roundTrip is { } elapsed)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"sent {(setpoint.Kind == SetpointKind.Power ? $"{setpoint.Power.Watts:0} W" : $"{setpoint.Current.Amperes:0.#} A")} on {setpoint.Phases} phase(s)"));
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"round trip: {elapsed.TotalMilliseconds:0} ms"));
        }
    }

    private static async Task<bool> WaitFor(Func<bool> condition, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var start = time.GetTimestamp();
        while (!condition())
        {
            if (time.GetElapsedTime(start) > timeout)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(5), time, cancellationToken);
        }

        return true;
    }

    private static async Task<int> Fail(TextWriter stderr, int code, string message)
    {
        await stderr.WriteLineAsync("charger test: " + message);
        return code;
    }
}

/// <summary>The parsed options of `gridedge charger test`.</summary>
internal sealed record ChargerTestRequest(string Broker, string Protocol, string Id, string? Prefix, double? Current, double? Power, int? Phases, TimeSpan Timeout, bool Json);
