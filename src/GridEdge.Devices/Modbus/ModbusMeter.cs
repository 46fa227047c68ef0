using System.Globalization;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// A meter or inverter read over Modbus through its profile. The first read resolves the layout
/// (SunSpec discovery where the profile asks for it); each read takes the groups that are due in
/// coalesced requests and keeps the slower groups' last values, so every sample has energies.
/// An inverter is a meter whose power is negative while it produces.
/// </summary>
public sealed class ModbusMeter : IMeter
{
    private readonly byte _unit;
    private readonly DeviceProfile _profile;
    private readonly IModbusClient _bus;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<string, double> _last = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _groupReadAt = new(StringComparer.Ordinal);
    private DeviceLayout? _layout;

    public ModbusMeter(string id, byte unit, DeviceProfile profile, IModbusClient bus, TimeProvider time, ILogger logger)
    {
        Id = id;
        _unit = unit;
        _profile = profile;
        _bus = bus;
        _time = time;
        _logger = logger;
    }

    /// <summary>A meter of the site file: its Modbus connection picks bus, unit and profile.</summary>
    public ModbusMeter(MeterDefinition definition, DeviceProfiles profiles, ModbusBuses buses, TimeProvider time, ILogger logger)
        : this(definition.Id, Connection(definition).Unit, profiles.Get(Connection(definition).Profile), buses.Get(Connection(definition).Endpoint), time, logger)
    {
    }

    public string Id { get; }

    public DeviceCounters Counters { get; } = new();

    /// <summary>The resolved layout after the first successful read (null before).</summary>
    public DeviceLayout? Layout => _layout;

    public async ValueTask<Reading<MeterSample>> ReadAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        try
        {
            _layout ??= await ResolveAsync(cancellationToken).ConfigureAwait(false);
            var due = DueGroups(start);
            var values = await ProfileReader.ReadAsync(_bus, _unit, _layout, due.Contains, cancellationToken).ConfigureAwait(false);
            foreach (var group in due)
            {
                _groupReadAt[group] = start;
            }

            foreach (var quantity in values.Missing)
            {
                _last.Remove(quantity);
            }

            foreach (var (quantity, value) in values.Values)
            {
                _last[quantity] = value;
            }

            var (sample, quality) = MeterSampleMapper.Map(new ProfileValues(_last, values.Missing), _layout);
            Counters.Success(_time.GetElapsedTime(start));
            return new Reading<MeterSample>(sample, _time.GetUtcNow(), quality, Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Counters.Failure(ex);
            if (ex is ModbusException && _profile.Discovery == Discovery.SunSpec)
            {
                // The chain may have changed (firmware update, another device behind the address): rediscover.
                _layout = null;
            }

            throw;
        }
    }

    private async Task<DeviceLayout> ResolveAsync(CancellationToken cancellationToken)
    {
        var layout = await DeviceLayout.DiscoverAsync(_bus, _unit, _profile, cancellationToken).ConfigureAwait(false);
        if (layout.SunSpec is { } map)
        {
            Log.SunSpecFound(_logger, Id, map.Base, string.Join(",", map.Models.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))));
        }

        return layout;
    }

    /// <summary>The default group every time; a slower group when its interval has passed.</summary>
    private HashSet<string> DueGroups(long now)
    {
        var due = new HashSet<string>(StringComparer.Ordinal) { DeviceProfile.DefaultGroup };
        foreach (var (group, interval) in _profile.Groups)
        {
            if (!_groupReadAt.TryGetValue(group, out var last) || _time.GetElapsedTime(last, now) >= interval)
            {
                due.Add(group);
            }
        }

        return due;
    }

    private static ModbusConnection Connection(MeterDefinition definition) => definition.Connection as ModbusConnection
        ?? throw new ArgumentException($"meter '{definition.Id}' has no Modbus connection", nameof(definition));
}
