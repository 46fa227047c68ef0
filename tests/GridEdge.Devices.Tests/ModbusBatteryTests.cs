using GridEdge.Devices.Modbus;
using GridEdge.Devices.Profiles;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Devices.Tests;

/// <summary>The battery driver against our server holding a battery map: reads by the profile, writes only its writable setpoint.</summary>
public sealed class ModbusBatteryTests
{
    /// <summary>Another vendor's idea of a map: input-register SoC, discharge counted positive, kW low word first, a 10 W setpoint step.</summary>
    private const string OtherVendor = """
        manufacturer: Test
        model: B2
        kind: battery
        points:
          - { quantity: soc_percent, register: 100, function: 4, type: uint16, unit: "%" }
          - { quantity: power_w, register: 102, function: 4, type: int32, order: CDAB, scale: 0.001, unit: kW, sign: export_positive }
          - { quantity: power_setpoint_w, register: 200, type: int16, scale: 10, unit: W, sign: export_positive, writable: true }
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void The_shipped_battery_map_marks_its_setpoint_writable_and_nothing_else()
    {
        var profile = ShippedProfiles.Get("gridedge-battery");

        Assert.Equal(DeviceKind.Battery, profile.Kind);
        Assert.Equal([Quantities.PowerSetpoint], profile.Points.Where(p => p.Writable).Select(p => p.Quantity));
        Assert.Equal(FunctionCode.ReadHoldingRegisters, profile.Point(Quantities.PowerSetpoint)!.Function);
    }

    [Fact]
    public async Task Reads_soc_and_power_from_raw_registers_with_the_profiles_scale_and_sign()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        unit.HoldingRegisters.Set(0, new ushort[12]);
        unit.HoldingRegisters.Set(0, [734, 0xFFFF, 0xFA24]); // 73.4 %, −1500 W (int32 ABCD)
        var battery = new ModbusBattery("battery", 1, ShippedProfiles.Get("gridedge-battery"), bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await battery.ReadAsync(Token);

        Assert.Equal(ReadingQuality.Good, reading.Quality);
        Assert.Equal("battery", reading.Source);
        Assert.Equal(new BatterySample(new Power(-1500), 0.734), reading.Value with { StateOfCharge = Math.Round(reading.Value.StateOfCharge, 6) });
        Assert.Equal(1, battery.Counters.Snapshot().Polls);
    }

    [Fact]
    public async Task SetPower_writes_the_raw_int32_of_the_setpoint_register()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        RegisterImage.CreateFixed(unit, ShippedProfiles.Get("gridedge-battery"));
        var battery = new ModbusBattery("battery", 1, ShippedProfiles.Get("gridedge-battery"), bus.Client, TimeProvider.System, NullLogger.Instance);

        await battery.SetPowerAsync(new Power(-1500), Token);

        Assert.Equal([0xFFFF, 0xFA24], unit.HoldingRegisters.TryRead(10, 2));
        Assert.Equal([0, 0, 0], unit.HoldingRegisters.TryRead(0, 3)); // nothing else written
    }

    [Fact]
    public async Task Another_map_is_read_and_written_by_its_own_order_scale_and_sign()
    {
        using var dir = new TempProfiles();
        dir.Write("other-battery", OtherVendor);
        var profile = DeviceProfiles.Load(dir.Path).Get("other-battery");
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(7);
        unit.InputRegisters.Set(100, [55, 0, 0x0C1C, 0x0000]); // 55 %, 3.1 kW discharging as CDAB int32 3100 × 0.001 kW
        unit.HoldingRegisters.Set(200, [0]);
        var battery = new ModbusBattery("b2", 7, profile, bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await battery.ReadAsync(Token);
        await battery.SetPowerAsync(new Power(-1500), Token);
        var discharge = unit.HoldingRegisters.Get(200);
        await battery.SetPowerAsync(new Power(1234), Token);

        Assert.Equal(-3100, reading.Value.Power.Watts, 1e-9);
        Assert.Equal(0.55, reading.Value.StateOfCharge, 1e-12);
        Assert.Equal((ushort)150, discharge); // export positive, 10 W per step
        Assert.Equal(unchecked((ushort)(short)-123), unit.HoldingRegisters.Get(200)); // 1234 W rounds to 1230 W
    }

    [Fact]
    public async Task A_state_of_charge_above_100_percent_is_invalid()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        unit.HoldingRegisters.Set(0, new ushort[12]);
        unit.HoldingRegisters.Set(0, [1500]);
        var battery = new ModbusBattery("battery", 1, ShippedProfiles.Get("gridedge-battery"), bus.Client, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(ReadingQuality.Invalid, (await battery.ReadAsync(Token)).Quality);
    }

    [Fact]
    public async Task A_profile_without_a_writable_setpoint_is_refused_naming_the_profile()
    {
        await using var bus = Loopback.Start();
        using var dir = new TempProfiles();
        dir.Write("read-only-battery", OtherVendor.Replace(", writable: true", "", StringComparison.Ordinal));
        var profile = DeviceProfiles.Load(dir.Path).Get("read-only-battery");

        var error = Assert.Throws<DeviceProfileException>(() => new ModbusBattery("battery", 1, profile, bus.Client, TimeProvider.System, NullLogger.Instance));

        Assert.Contains("profile read-only-battery", error.Message, StringComparison.Ordinal);
        Assert.Contains("power_setpoint_w", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("soc_percent", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_meter_profile_is_refused_for_what_it_lacks()
    {
        await using var bus = Loopback.Start();
        var error = Assert.Throws<DeviceProfileException>(() => new ModbusBattery("battery", 1, ShippedProfiles.Get("eastron-sdm630"), bus.Client, TimeProvider.System, NullLogger.Instance));

        Assert.Equal("profile eastron-sdm630 cannot drive battery 'battery': it needs a readable soc_percent and a power_setpoint_w holding register marked `writable: true`", error.Message);
    }

    [Fact]
    public async Task The_site_battery_round_trips_through_its_connection()
    {
        await using var bus = Loopback.Start();
        var profile = ShippedProfiles.Get("gridedge-battery");
        var unit = bus.Data.Unit(4);
        var layout = RegisterImage.CreateFixed(unit, profile);
        RegisterImage.Write(unit, layout, new Dictionary<string, double> { [Quantities.StateOfCharge] = 41.25, [Quantities.Power] = 2500.4 });
        var definition = new BatteryDefinition
        {
            Id = "house-battery",
            Capacity = Energy.FromKilowattHours(10),
            MaxChargePower = new(5000),
            MaxDischargePower = new(5000),
            Connection = new ModbusConnection(bus.Endpoint, 4, "gridedge-battery"),
        };
        using var buses = new ModbusBuses(new ModbusClientOptions { RequestTimeout = TimeSpan.FromMilliseconds(300) }, TimeProvider.System, NullLoggerFactory.Instance);
        var battery = new ModbusBattery(definition, ShippedProfiles.All, buses, TimeProvider.System, NullLogger.Instance);

        var reading = await battery.ReadAsync(Token);
        await battery.SetPowerAsync(new Power(3000.4), Token);

        Assert.Equal("house-battery", battery.Id);
        Assert.Equal(2500, reading.Value.Power.Watts); // 1 W registers
        Assert.Equal(0.412, reading.Value.StateOfCharge, 1e-9); // 0.1 % registers: 41.25 rounds to even
        Assert.Equal(3000, RegisterImage.Read(unit, layout, Quantities.PowerSetpoint));
    }
}
