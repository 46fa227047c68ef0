using GridEdge.Devices.Modbus;
using GridEdge.Devices.SunSpec;
using GridEdge.Domain.Readings;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Devices.Tests;

public sealed class SunSpecTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData((ushort)40000)]
    [InlineData((ushort)50000)]
    [InlineData((ushort)0)]
    public async Task Discovery_finds_the_marker_at_each_base_and_walks_the_chain(ushort @base)
    {
        await using var bus = Loopback.Start();
        RegisterImage.CreateSunSpec(bus.Data.Unit(1), ShippedProfiles.Get("sunspec"), [103, 123, 124, 802], @base);

        var map = await SunSpecDiscovery.DiscoverAsync(bus.Client, 1, Token);

        Assert.NotNull(map);
        Assert.Equal(@base, map.Base);
        Assert.Equal([1, 103, 123, 124, 802], map.Models.Select(m => m.Id));
        Assert.Equal(@base + 2, map.Models[0].Address);
        Assert.Equal(@base + 2 + 68, map.Models[1].Address);
    }

    [Fact]
    public async Task A_device_without_the_marker_is_not_sunspec()
    {
        await using var bus = Loopback.Start();
        bus.Data.Unit(1).HoldingRegisters.Set(40000, [0x1234, 0x5678]);
        Assert.Null(await SunSpecDiscovery.DiscoverAsync(bus.Client, 1, Token));
    }

    [Theory]
    [InlineData(103, -4321.0)]
    [InlineData(113, -4321.5)]
    [InlineData(101, -812.0)]
    public async Task Inverter_power_is_negative_while_producing_in_int_and_float_models(int model, double power)
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var layout = RegisterImage.CreateSunSpec(unit, ShippedProfiles.Get("sunspec"), [model]);
        RegisterImage.Write(unit, layout, new Dictionary<string, double> { ["power_w"] = power, ["current_l1_a"] = 6.25, ["energy_total_wh"] = 12_345_600 });
        var inverter = new ModbusMeter("pv", 1, ShippedProfiles.Get("fronius-symo"), bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await inverter.ReadAsync(Token);

        Assert.Equal(power, reading.Value.Power.Watts, 0.01);
        Assert.Equal(12_345_600, inverter.Layout!.Find("energy_total_wh") is { } point ? Decode(unit, point) : 0, 1);
    }

    [Fact]
    public async Task Meter_models_use_their_scale_factors_and_import_positive()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(240);
        var layout = RegisterImage.CreateSunSpec(unit, ShippedProfiles.Get("sunspec"), [203]);
        RegisterImage.Write(unit, layout, MeterValues.From(new MeterSample { Power = new(5123), PhaseCurrents = [new(7.4), new(7.5), new(7.4)], ImportedEnergy = new(9_876_543) }, new(230)));
        var power = layout.Find("power_w")!;

        // The power registers share W_SF; 5123 W fits int16 at exponent 0.
        Assert.Equal(5123, (short)unit.HoldingRegisters.Get(power.Address));
        Assert.Equal(0, (short)unit.HoldingRegisters.Get(power.ScaleAddress!.Value));

        var meter = new ModbusMeter("grid", 240, ShippedProfiles.Get("sunspec"), bus.Client, TimeProvider.System, NullLogger.Instance);
        var reading = await meter.ReadAsync(Token);
        Assert.Equal(5123, reading.Value.Power.Watts, 0.5);
        Assert.Equal([7.4, 7.5, 7.4], reading.Value.PhaseCurrents.Select(c => Math.Round(c.Amperes, 1)));
        Assert.Equal(9_876_543, reading.Value.ImportedEnergy!.Value.WattHours, 1000.0);
        Assert.Null(reading.Value.ExportedEnergy);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
    }

    [Fact]
    public async Task Not_implemented_sentinels_are_missing_not_zero()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var layout = RegisterImage.CreateSunSpec(unit, ShippedProfiles.Get("sunspec"), [103]);
        var power = layout.Find("power_w")!;
        var voltage = layout.Find("voltage_l1_v")!;
        unit.HoldingRegisters.Set(power.Address, 0x8000);
        unit.HoldingRegisters.Set(voltage.Address, 0xFFFF);
        var inverter = new ModbusMeter("pv", 1, ShippedProfiles.Get("sunspec"), bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await inverter.ReadAsync(Token);

        Assert.Equal(ReadingQuality.Invalid, reading.Quality);
        Assert.Null(reading.Value.ImportedEnergy);
    }

    [Fact]
    public async Task A_scale_factor_register_scales_every_value_sharing_it()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var layout = RegisterImage.CreateSunSpec(unit, ShippedProfiles.Get("sunspec"), [103]);
        var power = layout.Find("power_w")!;
        unit.HoldingRegisters.Set(power.Address, 1234);
        unit.HoldingRegisters.Set(power.ScaleAddress!.Value, unchecked((ushort)-1));
        var inverter = new ModbusMeter("pv", 1, ShippedProfiles.Get("sunspec"), bus.Client, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(-123.4, (await inverter.ReadAsync(Token)).Value.Power.Watts, 0.001);

        unit.HoldingRegisters.Set(power.ScaleAddress!.Value, 2);
        Assert.Equal(-123_400, (await inverter.ReadAsync(Token)).Value.Power.Watts, 0.001);
    }

    [Fact]
    public async Task No_marker_anywhere_is_a_clear_error()
    {
        await using var bus = Loopback.Start();
        bus.Data.Unit(1).HoldingRegisters.Set(0, [1, 2]);
        var inverter = new ModbusMeter("pv", 1, ShippedProfiles.Get("sunspec"), bus.Client, TimeProvider.System, NullLogger.Instance);

        var error = await Assert.ThrowsAsync<ModbusException>(async () => await inverter.ReadAsync(Token));
        Assert.Contains("no SunSpec marker at 40000, 50000 or 0", error.Message, StringComparison.Ordinal);
    }

    private static double Decode(ModbusUnit unit, ResolvedPoint point)
    {
        var registers = new RegisterSnapshot();
        var start = Math.Min(point.Address, point.ScaleAddress ?? point.Address);
        var count = Math.Max(point.Address + point.Point.Width, (point.ScaleAddress ?? 0) + 1) - start;
        registers.Add(new ReadBlock(point.Point.Function, (ushort)start, count), unit.HoldingRegisters.TryRead((ushort)start, count)!);
        return PointCodec.Decode(point, registers, sunSpecSentinels: true) ?? double.NaN;
    }
}
