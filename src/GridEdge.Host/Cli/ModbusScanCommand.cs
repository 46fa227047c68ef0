using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using GridEdge.Devices.Profiles;
using GridEdge.Devices.SunSpec;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;

namespace GridEdge.Host.Cli;

/// <summary>
/// `gridedge modbus scan --endpoint URI [--units 1-247] [--json]`: finds the unit ids that answer
/// (an exception reply counts) and identifies known profiles by the SunSpec marker or a profile's
/// signature register.
/// </summary>
internal static class ModbusScanCommand
{
    public static Command Build(TextWriter stdout, TextWriter stderr)
    {
        var endpoint = ModbusOptions.Endpoint();
        var units = new Option<string>("--units") { Description = "Unit ids to try: 1-247 (default), or a list such as 1,3,10-20", DefaultValueFactory = _ => "1-247" };
        var profiles = ModbusOptions.ProfilesDirectory();
        var timeout = ModbusOptions.Timeout("300ms");
        var json = ModbusOptions.Json();
        var command = new Command("scan", "Finds the unit ids that answer on a bus and identifies known devices.") { endpoint, units, profiles, timeout, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var target = parse.GetValue(endpoint)!;
            if (ModbusUnitRange.Parse(parse.GetValue(units)!) is not { } list)
            {
                return await ModbusCliErrors.UsageAsync("scan", $"--units '{parse.GetValue(units)}' is not a range like 1-247 or a list like 1,3,10-20 (ids 1–247)", stderr);
            }

            using var client = ModbusClient.Create(target, ModbusOptions.ClientOptions(parse.GetValue(timeout), TimeSpan.FromMilliseconds(300)), TimeProvider.System, NullLogger.Instance);
            try
            {
                var known = DeviceProfiles.Load(ModbusOptions.ProfilesPath(parse.GetValue(profiles)));
                var found = new List<ScannedUnit>();
                foreach (var unit in list)
                {
                    if (await ScanAsync(client, unit, known, cancellationToken) is { } scanned)
                    {
                        found.Add(scanned);
                    }
                }

                await PrintAsync(found, parse.GetValue(json), stdout);
                if (found.Count == 0)
                {
                    await stderr.WriteLineAsync($"modbus: no unit answered on {target} ({ModbusUnitRange.Describe(list)})");
                    return ExitCodes.Timeout;
                }

                return ExitCodes.Success;
            }
            catch (Exception ex) when (ModbusCliErrors.Handles(ex))
            {
                return await ModbusCliErrors.ReportAsync(ex, target, stderr);
            }
        });
        return command;
    }

    /// <summary>Null when the unit is silent. A probe of the SunSpec base tells alive from silent in one request.</summary>
    private static async Task<ScannedUnit?> ScanAsync(ModbusClient client, byte unit, DeviceProfiles known, CancellationToken cancellationToken)
    {
        try
        {
            await client.ReadHoldingRegistersAsync(unit, SunSpecDiscovery.Bases[0], 2, cancellationToken);
        }
        catch (ModbusException)
        {
            // It answered: alive.
        }
        catch (Exception ex) when (ex is ModbusTimeoutException or ModbusFrameException)
        {
            return null;
        }

        if (await SunSpecDiscovery.DiscoverAsync(client, unit, cancellationToken) is { } map)
        {
            return new ScannedUnit(unit, "sunspec", [], map);
        }

        var candidates = new List<DeviceProfile>();
        foreach (var profile in known.All.Where(p => p.Identify is not null).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (await MatchesAsync(client, unit, profile.Identify!, cancellationToken))
            {
                candidates.Add(profile);
            }
        }

        // Several profiles may share a signature (the Eastron family): name the richest first.
        var ranked = candidates.OrderByDescending(p => p.Points.Count).ThenBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Name).ToList();
        return new ScannedUnit(unit, ranked.FirstOrDefault(), ranked, null);
    }

    private static async Task<bool> MatchesAsync(ModbusClient client, byte unit, IdentifyRule rule, CancellationToken cancellationToken)
    {
        try
        {
            var registers = await client.ReadRegistersAsync(unit, rule.Function, rule.Register, RegisterCodec.Width(rule.Type), cancellationToken);
            var value = RegisterCodec.Decode(registers, rule.Type, rule.Order);
            return value >= rule.Min && value <= rule.Max;
        }
        catch (Exception ex) when (ex is ModbusException or ModbusTimeoutException or ModbusFrameException)
        {
            return false;
        }
    }

    private static async Task PrintAsync(List<ScannedUnit> found, bool json, TextWriter stdout)
    {
        if (json)
        {
            var units = new JsonArray();
            foreach (var unit in found)
            {
                var entry = new JsonObject { ["unit"] = unit.Unit, ["profile"] = unit.Profile };
                if (unit.SunSpec is { } map)
                {
                    entry["sunspec"] = new JsonObject { ["base"] = map.Base, ["models"] = new JsonArray([.. map.Models.Select(m => (JsonNode)m.Id)]) };
                }
                else if (unit.Candidates.Count > 1)
                {
                    entry["candidates"] = new JsonArray([.. unit.Candidates.Select(c => (JsonNode)c)]);
                }

                units.Add(entry);
            }

            await stdout.WriteLineAsync(new JsonObject { ["units"] = units }.ToJsonString());
            return;
        }

        foreach (var unit in found)
        {
            var what = unit.SunSpec is { } map
                ? string.Create(CultureInfo.InvariantCulture, $"sunspec at {map.Base}, models {string.Join(' ', map.Models.Select(m => m.Id))}")
                : unit.Profile is null ? "answers (no known profile)" : string.Join(" or ", unit.Candidates);
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"unit {unit.Unit,3}: {what}"));
        }
    }

    /// <summary>A unit that answered, and what it was identified as.</summary>
    private sealed record ScannedUnit(byte Unit, string? Profile, IReadOnlyList<string> Candidates, SunSpecMap? SunSpec);
}
