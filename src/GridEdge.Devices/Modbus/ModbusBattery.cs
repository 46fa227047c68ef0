using System.Globalization;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Capabilities;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging;

namespace GridEdge.Devices.Modbus;

/// <summary>
/// A battery read and commanded over Modbus through its profile: state of charge and power are
/// read like a meter's points, the power setpoint is written to the point the profile marks
/// writable, encoded with its type, scale, order and sign. Limits are the controller's business:
/// the setpoint is written as asked, rounded to the register's resolution.
/// </summary>
public sealed class ModbusBattery : IBattery
{
    private readonly byte _unit;
    private readonly DeviceProfile _profile;
    private readonly DeviceProfile _readProfile;
    private readonly IModbusClient _bus;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private Layouts? _layouts;

    /// <summary>Throws <see cref="DeviceProfileException"/> when <paramref name="profile"/> cannot drive a battery.</summary>
    public ModbusBattery(string id, byte unit, DeviceProfile profile, IModbusClient bus, TimeProvider time, ILogger logger)
    {
        BatteryProfile.Require(profile, id);
        Id = id;
        _unit = unit;
        _profile = profile;
        _bus = bus;
        _time = time;
        _logger = logger;

        // A poll reads only what a sample carries; the setpoint and limits stay off the wire.
        _readProfile = profile with { Points = [.. profile.Points.Where(p => p.Quantity is Quantities.StateOfCharge or Quantities.Power)] };
    }

    /// <summary>The battery of the site file: its Modbus connection picks bus, unit and profile.</summary>
    public ModbusBattery(BatteryDefinition definition, DeviceProfiles profiles, ModbusBuses buses, TimeProvider time, ILogger logger)
        : this(definition.Id, Connection(definition).Unit, profiles.Get(Connection(definition).Profile), buses.Get(Connection(definition).Endpoint), time, logger)
    {
    }

    public string Id { get; }

    /// <summary>Reads only (polls); a failed write surfaces to the caller.</summary>
    public DeviceCounters Counters { get; } = new();

    public async ValueTask<Reading<BatterySample>> ReadAsync(CancellationToken cancellationToken)
    {
        var start = _time.GetTimestamp();
        try
        {
            var layouts = await LayoutsAsync(cancellationToken).ConfigureAwait(false);
            var values = await ProfileReader.ReadAsync(_bus, _unit, layouts.Read, null, cancellationToken).ConfigureAwait(false);
            var soc = values[Quantities.StateOfCharge];
            var power = values[Quantities.Power];
            var quality = soc is >= 0 and <= 100 && power is not null ? ReadingQuality.Good : ReadingQuality.Invalid;
            Counters.Success(_time.GetElapsedTime(start));
            return new Reading<BatterySample>(new BatterySample(new Power(power ?? 0), (soc ?? 0) / 100), _time.GetUtcNow(), quality, Id);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Counters.Failure(ex);
            Forget(ex);
            throw;
        }
    }

    public async ValueTask SetPowerAsync(Power setpoint, CancellationToken cancellationToken)
    {
        try
        {
            var layouts = await LayoutsAsync(cancellationToken).ConfigureAwait(false);
            var point = layouts.Full.Find(Quantities.PowerSetpoint)
                ?? throw new ModbusException($"battery '{Id}' on {_bus.Target} unit {_unit} has none of the SunSpec models profile {_profile.Name} places {Quantities.PowerSetpoint} in");
            var registers = await PointWriter.WriteAsync(_bus, _unit, point, setpoint.Watts, cancellationToken).ConfigureAwait(false);
            if (_logger.IsEnabled(LogLevel.Debug))
            {
                Log.BatterySetpointWritten(_logger, Id, setpoint.Watts, string.Join(' ', registers.Select(r => "0x" + r.ToString("X4", CultureInfo.InvariantCulture))));
            }
        }
        catch (ModbusException ex)
        {
            Forget(ex);
            throw;
        }
    }

    private async ValueTask<Layouts> LayoutsAsync(CancellationToken cancellationToken)
    {
        if (_layouts is { } known)
        {
            return known;
        }

        var full = await DeviceLayout.DiscoverAsync(_bus, _unit, _profile, cancellationToken).ConfigureAwait(false);
        if (full.SunSpec is { } map)
        {
            Log.SunSpecFound(_logger, Id, map.Base, string.Join(",", map.Models.Select(m => m.Id.ToString(CultureInfo.InvariantCulture))));
        }

        // Concurrent first calls may both discover; either result is the same device's layout.
        return _layouts = new Layouts(full, DeviceLayout.Resolve(_readProfile, full.SunSpec));
    }

    /// <summary>The SunSpec chain may have changed (firmware update, another device at the address): rediscover next time.</summary>
    private void Forget(Exception error)
    {
        if (error is ModbusException && _profile.Discovery == Discovery.SunSpec)
        {
            _layouts = null;
        }
    }

    private static ModbusConnection Connection(BatteryDefinition definition) => definition.Connection as ModbusConnection
        ?? throw new ArgumentException($"battery '{definition.Id}' has no Modbus connection", nameof(definition));

    /// <summary>The whole profile placed on the device (for the setpoint), and the part a poll reads.</summary>
    private sealed record Layouts(DeviceLayout Full, DeviceLayout Read);
}
