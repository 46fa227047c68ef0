using GridEdge.Devices.Modbus;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Units;
using GridEdge.Interop.Tests.Modbus;
using GridEdge.Modbus;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests.Cli;

/// <summary>`gridedge modbus read|scan|write` in-process against our server, and once against pymodbus.</summary>
public sealed class ModbusCliTests
{
    private static readonly MeterSample Importing = new() { Power = new Power(2689), PhaseCurrents = [new(4), new(4), new(3.7)], ImportedEnergy = new(1_000_000) };

    [Fact]
    public async Task Read_registers_prints_the_json_shape_of_the_contract()
    {
        await using var bus = Loopback.Start();
        bus.Data.Unit(1).InputRegisters.Set(52, [0x4528, 0x1000, 0xC2C8, 0x0000]);

        var (exit, stdout, stderr) = await Cli.RunAsync("modbus", "read", "--endpoint", bus.Endpoint, "--unit", "1", "--register", "52", "--count", "4", "--type", "float32", "--function", "4", "--json");

        Assert.True(exit == 0, stderr);
        Assert.Equal("""{"unit":1,"function":4,"register":52,"count":4,"type":"float32","order":"ABCD","registers":[17704,4096,49864,0],"values":[2689,-100]}""", stdout);
    }

    [Fact]
    public async Task A_modicon_reference_implies_the_function_and_words_follow_the_order()
    {
        await using var bus = Loopback.Start();
        bus.Data.Unit(2).InputRegisters.Set(52, [0x1170, 0x0001]);

        var (exit, stdout, _) = await Cli.RunAsync("modbus", "read", "--endpoint", bus.Endpoint, "--unit", "0x02", "--register", "30053", "--count", "2", "--type", "int32", "--order", "CDAB", "--json");

        Assert.Equal(0, exit);
        Assert.Contains("\"function\":4,\"register\":52", stdout, StringComparison.Ordinal);
        Assert.EndsWith("\"values\":[70000]}", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_with_a_profile_prints_readings_in_si_units()
    {
        await using var bus = Loopback.Start();
        var layout = RegisterImage.CreateFixed(bus.Data.Unit(1), ShippedProfiles.Get("eastron-sdm630"));
        RegisterImage.Write(bus.Data.Unit(1), layout, MeterValues.From(Importing, Voltage.Europe));

        var (exit, stdout, stderr) = await Cli.RunAsync("modbus", "read", "--endpoint", bus.Endpoint, "--unit", "1", "--profile", "eastron-sdm630", "--json");

        Assert.True(exit == 0, stderr);
        Assert.StartsWith("""{"unit":1,"profile":"eastron-sdm630","readings":{"voltage_l1_v":230,""", stdout, StringComparison.Ordinal);
        Assert.Contains("\"power_w\":2689,", stdout, StringComparison.Ordinal);
        Assert.Contains("\"current_l3_a\":3.7,", stdout, StringComparison.Ordinal);
        Assert.Contains("\"energy_import_wh\":1000000,", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Errors_are_one_line_with_the_exit_code_of_the_contract()
    {
        await using var bus = Loopback.Start();
        bus.Data.Unit(1).InputRegisters.Set(0, [1]);
        string[] read = ["modbus", "read", "--endpoint", bus.Endpoint, "--count", "2", "--type", "uint16", "--function", "4", "--timeout", "200ms"];

        var refused = await Cli.RunAsync([.. read, "--unit", "1", "--register", "1000"]);
        Assert.Equal(3, refused.Exit);
        Assert.Equal("modbus: unit 1 answered exception 0x02 (illegal data address) to FC04 at register 1000", refused.Stderr);

        var silent = await Cli.RunAsync([.. read, "--unit", "7", "--register", "0"]);
        Assert.Equal(4, silent.Exit);
        Assert.Equal($"modbus: unit 7 FC04 at 0: no reply within 200 ms on {bus.Endpoint}", silent.Stderr);

        var closed = await Cli.RunAsync([.. read[..3], $"tcp://127.0.0.1:{Peers.FreeTcpPort()}", .. read[4..], "--unit", "1", "--register", "0"]);
        Assert.Equal(5, closed.Exit);
        Assert.StartsWith("modbus: tcp://127.0.0.1:", closed.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', closed.Stderr);

        var odd = await Cli.RunAsync([.. read[..6], "3", .. read[7..], "--unit", "1", "--register", "0", "--type", "float32"]);
        Assert.Equal(2, odd.Exit);

        var endpoint = await Cli.RunAsync("modbus", "read", "--endpoint", "tcp://", "--unit", "1", "--register", "0", "--count", "1", "--type", "int16");
        Assert.Equal(2, endpoint.Exit);
        Assert.Contains("--endpoint: 'tcp://' has no valid host", endpoint.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_lists_the_units_that_answered_and_identifies_them()
    {
        await using var bus = Loopback.Start();
        RegisterImage.Write(bus.Data.Unit(1), RegisterImage.CreateFixed(bus.Data.Unit(1), ShippedProfiles.Get("eastron-sdm630")), new Dictionary<string, double> { ["frequency_hz"] = 50 });
        RegisterImage.CreateSunSpec(bus.Data.Unit(3), ShippedProfiles.Get("sunspec"), [103, 203]);
        bus.Data.Unit(5).HoldingRegisters.Set(0, [1]);

        var (exit, stdout, stderr) = await Cli.RunAsync("modbus", "scan", "--endpoint", bus.Endpoint, "--units", "1-6", "--timeout", "100ms", "--json");

        Assert.True(exit == 0, stderr);
        Assert.Equal(
            """{"units":[{"unit":1,"profile":"eastron-sdm630","candidates":["eastron-sdm630","eastron-sdm72","eastron-sdm120"]},{"unit":3,"profile":"sunspec","sunspec":{"base":40000,"models":[1,103,203]}},{"unit":5,"profile":null}]}""",
            stdout);
    }

    [Fact]
    public async Task Write_refuses_a_register_the_profile_does_not_mark_writable_without_connecting()
    {
        // Nothing listens on this port: a connect attempt would end in exit 5, not 2.
        var endpoint = $"tcp://127.0.0.1:{Peers.FreeTcpPort()}";
        var (exit, _, stderr) = await Cli.RunAsync("modbus", "write", "--endpoint", endpoint, "--unit", "1", "--profile", "eastron-sdm630", "--register", "0x34", "--value", "-5");

        Assert.Equal(2, exit);
        Assert.Equal("modbus write: register 52 is not writable in profile eastron-sdm630 (it has no writable registers); nothing was written", stderr);
    }

    [Fact]
    public async Task Write_puts_a_value_through_the_scale_factor_of_a_sunspec_register()
    {
        await using var bus = Loopback.Start();
        var unit = bus.Data.Unit(1);
        var layout = RegisterImage.CreateSunSpec(unit, ShippedProfiles.Get("sunspec"), [103, 123]);
        var limit = layout.Find("power_limit_percent")!;
        unit.HoldingRegisters.Set(limit.ScaleAddress!.Value, unchecked((ushort)-1));
        var power = layout.Find("power_w")!;
        var address = limit.Address.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var (exit, stdout, stderr) = await Cli.RunAsync("modbus", "write", "--endpoint", bus.Endpoint, "--unit", "1", "--profile", "sunspec", "--register", "0x" + limit.Address.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), "--value", "42.5", "--json");

        Assert.True(exit == 0, stderr);
        Assert.Equal((ushort)425, unit.HoldingRegisters.Get(limit.Address));
        Assert.Equal($$"""{"unit":1,"profile":"sunspec","register":{{address}},"quantity":"power_limit_percent","value":42.5,"registers":[425]}""", stdout);

        var before = unit.HoldingRegisters.Get(power.Address);
        var refused = await Cli.RunAsync("modbus", "write", "--endpoint", bus.Endpoint, "--unit", "1", "--profile", "sunspec", "--register", "0x" + power.Address.ToString("X4", System.Globalization.CultureInfo.InvariantCulture), "--value", "1");
        Assert.Equal(2, refused.Exit);
        Assert.Contains("is not writable in profile sunspec", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, unit.HoldingRegisters.Get(power.Address));
    }

    [Fact]
    public async Task Read_against_pymodbus()
    {
        await using var peer = await PymodbusPeer.StartTcpAsync(new PeerTables().Input(1, 52, 0x4528, 0x1000).Holding(1, 0, 7), TestContext.Current.CancellationToken);

        var (exit, stdout, stderr) = await Cli.RunAsync("modbus", "read", "--endpoint", $"tcp://127.0.0.1:{peer.Port}", "--unit", "1", "--register", "30053", "--count", "2", "--type", "float32", "--json");
        Assert.True(exit == 0, stderr);
        Assert.Equal("""{"unit":1,"function":4,"register":52,"count":2,"type":"float32","order":"ABCD","registers":[17704,4096],"values":[2689]}""", stdout);

        var scan = await Cli.RunAsync("modbus", "scan", "--endpoint", $"tcp://127.0.0.1:{peer.Port}", "--units", "1-3", "--timeout", "200ms", "--json");
        Assert.Equal(0, scan.Exit);
        Assert.Equal("""{"units":[{"unit":1,"profile":null}]}""", scan.Stdout);
    }
}
