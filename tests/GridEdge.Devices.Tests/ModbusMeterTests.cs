using GridEdge.Devices.Modbus;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;
using GridEdge.Modbus;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Devices.Tests;

/// <summary>The meter driver against our server holding each profile's registers, written by <see cref="RegisterImage"/>.</summary>
public sealed class ModbusMeterTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly MeterSample Exporting = new()
    {
        Power = new Power(-2300),
        PhaseCurrents = [new Current(-4), new Current(-3), new Current(-3)],
        ImportedEnergy = new Energy(1_234_500),
        ExportedEnergy = new Energy(987_600),
    };

    [Theory]
    [InlineData("eastron-sdm630")]
    [InlineData("eastron-sdm72")]
    [InlineData("carlo-gavazzi-em24")]
    [InlineData("janitza-umg604")]
    public async Task A_three_phase_meter_reads_back_what_the_simulated_device_holds(string profileName)
    {
        await using var bus = Loopback.Start();
        var profile = ShippedProfiles.Get(profileName);
        var layout = RegisterImage.CreateFixed(bus.Data.Unit(1), profile);
        var values = MeterValues.From(Exporting, Voltage.Europe);
        RegisterImage.Write(bus.Data.Unit(1), layout, values);
        var meter = new ModbusMeter("grid", 1, profile, bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await meter.ReadAsync(Token);

        Assert.Equal("grid", reading.Source);
        Assert.Equal(ReadingQuality.Good, reading.Quality);
        Assert.Equal(-2300, reading.Value.Power.Watts, 0.5);
        Assert.Equal([-4.0, -3.0, -3.0], reading.Value.PhaseCurrents.Select(c => Math.Round(c.Amperes, 2)));
        Assert.Equal(1_234_500, reading.Value.ImportedEnergy!.Value.WattHours, 100.0);
        Assert.Equal(987_600, reading.Value.ExportedEnergy!.Value.WattHours, 100.0);
        Assert.True(reading.Timestamp > DateTimeOffset.UtcNow.AddSeconds(-5));
    }

    [Fact]
    public async Task A_single_phase_meter_without_phase_powers_signs_its_current_by_total_power()
    {
        await using var bus = Loopback.Start();
        var profile = ShippedProfiles.Get("eastron-sdm120");
        var layout = RegisterImage.CreateFixed(bus.Data.Unit(3), profile);
        RegisterImage.Write(bus.Data.Unit(3), layout, new Dictionary<string, double> { ["power_w"] = -1150, ["current_l1_a"] = 5, ["energy_import_wh"] = 1000 });
        var meter = new ModbusMeter("pv", 3, profile, bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await meter.ReadAsync(Token);

        Assert.Equal(-1150, reading.Value.Power.Watts, 0.1);
        Assert.Equal(-5, Assert.Single(reading.Value.PhaseCurrents).Amperes, 0.001);
    }

    [Fact]
    public async Task Sdm630_raw_registers_decode_as_float32_abcd()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        unit.InputRegisters.Set(0, new ushort[0x160]);
        unit.InputRegisters.Set(0x34, [0x4528, 0x1000]); // 2689.0 W
        var meter = new ModbusMeter("grid", 1, ShippedProfiles.Get("eastron-sdm630"), bus.Client, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(2689.0, (await meter.ReadAsync(Token)).Value.Power.Watts);
    }

    [Fact]
    public async Task Huawei_counts_production_positive_in_kilowatts()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var layout = RegisterImage.CreateFixed(unit, ShippedProfiles.Get("huawei-sun2000"));
        unit.HoldingRegisters.Set(32080, [0x0000, 0x1388]); // 5000 → 5.000 kW produced
        var meter = new ModbusMeter("pv", 1, layout.Profile, bus.Client, TimeProvider.System, NullLogger.Instance);

        var reading = await meter.ReadAsync(Token);
        Assert.Equal(-5000, reading.Value.Power.Watts, 0.001);
    }

    [Fact]
    public async Task Energies_are_read_on_their_slower_group_and_kept_between()
    {
        await using var bus = Loopback.Start();
        var profile = ShippedProfiles.Get("eastron-sdm630");
        var layout = RegisterImage.CreateFixed(bus.Data.Unit(1), profile);
        RegisterImage.Write(bus.Data.Unit(1), layout, MeterValues.From(Exporting, Voltage.Europe));
        var recording = new RecordingClient(bus.Client);
        var meter = new ModbusMeter("grid", 1, profile, recording, TimeProvider.System, NullLogger.Instance);

        await meter.ReadAsync(Token);
        var first = recording.Requests.Count;
        recording.Clear();
        var second = await meter.ReadAsync(Token);

        Assert.Equal(3, first); // 0x00–0x11, 0x34–0x4B (power, frequency, energies), 0x156
        Assert.Equal(2, recording.Requests.Count);
        Assert.Equal(1_234_500, second.Value.ImportedEnergy!.Value.WattHours, 100.0);
    }

    [Fact]
    public async Task Counters_record_polls_errors_by_kind_and_latency()
    {
        await using var bus = Loopback.Start();
        var meter = new ModbusMeter("grid", 1, ShippedProfiles.Get("eastron-sdm630"), bus.Client, TimeProvider.System, NullLogger.Instance);

        await Assert.ThrowsAsync<ModbusTimeoutException>(async () => await meter.ReadAsync(Token));
        bus.Data.Unit(1);
        await Assert.ThrowsAsync<ModbusException>(async () => await meter.ReadAsync(Token));
        RegisterImage.CreateFixed(bus.Data.Unit(1), ShippedProfiles.Get("eastron-sdm630"));
        await meter.ReadAsync(Token);

        var counters = meter.Counters.Snapshot();
        Assert.Equal(3, counters.Polls);
        Assert.Equal(1, counters.Errors["Timeout"]);
        Assert.Equal(1, counters.Errors["DeviceException"]);
        Assert.NotNull(counters.LatencyP50Ms);
        Assert.True(counters.LatencyP99Ms >= counters.LatencyP50Ms);
        Assert.Null(counters.LastError);
    }

    [Fact]
    public async Task A_device_refusing_reads_across_gaps_is_read_exactly_from_then_on()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var profile = ShippedProfiles.Get("eastron-sdm630");
        foreach (var point in profile.Points)
        {
            unit.InputRegisters.Set(point.Register!.Value, new ushort[2]);
        }

        unit.InputRegisters.Set(0x34, [0x4528, 0x1000]);
        var recording = new RecordingClient(bus.Client);
        var meter = new ModbusMeter("grid", 1, profile, recording, TimeProvider.System, NullLogger.Instance);

        Assert.Equal(2689.0, (await meter.ReadAsync(Token)).Value.Power.Watts);
        Assert.Equal(0, meter.Layout!.MaxGap);
        recording.Clear();
        Assert.Equal(2689.0, (await meter.ReadAsync(Token)).Value.Power.Watts);
        Assert.Equal(3, recording.Requests.Count); // 0x00–0x11 contiguous, 0x34–0x35, 0x46–0x47
    }
}
