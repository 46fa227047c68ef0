using System.Text.Json;
using GridEdge.Devices.Profiles;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Devices.Tests;

public sealed class ProfileLoadingTests
{
    [Fact]
    public void Every_profile_named_in_the_cli_contract_ships_and_loads()
    {
        string[] required = ["eastron-sdm630", "eastron-sdm120", "eastron-sdm72", "carlo-gavazzi-em24", "janitza-umg604", "sunspec", "fronius-symo", "sma-sunny-tripower", "huawei-sun2000"];
        Assert.All(required, name => Assert.Contains(name, ShippedProfiles.All.Names));
        Assert.All(ShippedProfiles.All.All, p => Assert.NotEmpty(p.Points));
    }

    [Fact]
    public void A_profile_inherits_from_the_one_it_extends()
    {
        var fronius = ShippedProfiles.Get("fronius-symo");
        Assert.Equal("Fronius", fronius.Manufacturer);
        Assert.Equal(Discovery.SunSpec, fronius.Discovery);
        Assert.True(fronius.SunSpecSentinels);
        Assert.Equal(ShippedProfiles.Get("sunspec").Points.Count, fronius.Points.Count);
    }

    [Fact]
    public void Values_and_scales_are_read_as_written()
    {
        var em24 = ShippedProfiles.Get("carlo-gavazzi-em24");
        var power = em24.Point("power_w")!;
        Assert.Equal((ushort)0x28, power.Register);
        Assert.Equal(GridEdge.Modbus.RegisterType.Int32, power.Type);
        Assert.Equal(GridEdge.Modbus.WordOrder.CDAB, power.Order);
        Assert.Equal(0.1, power.Scale);
        Assert.Equal(GridEdge.Modbus.RegisterType.Int16, em24.Point("frequency_hz")!.Type);
        Assert.Equal("slow", em24.Point("energy_import_wh")!.Group);
        Assert.Equal(TimeSpan.FromSeconds(30), em24.Groups["slow"]);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_with_file_line_column_and_key()
    {
        using var dir = new TempProfiles();
        dir.Write("broken", """
            manufacturer: Test
            model: T1
            kind: meter
            colour: red
            points:
              - { quantity: power_w, register: 0x34, type: float33, unit: W }
              - { quantity: power_watts, register: 10, unit: W }
              - { quantity: energy_import_wh, register: 70000, unit: kW }
              - { quantity: voltage_l1_v, unit: V }
            """);

        var error = Assert.Throws<DeviceProfileException>(() => DeviceProfiles.Load(dir.Path));
        var lines = error.Errors.Select(e => e.ToString()).ToList();

        Assert.Contains(lines, l => l.StartsWith("broken.yaml:4:1: colour: unknown key", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("broken.yaml:6:", StringComparison.Ordinal) && l.Contains("points[0].type: 'float33' is not one of", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("points[1].quantity: unknown quantity 'power_watts'", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("points[2].register: '70000' is not a whole number in 0–65535", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("points[2].unit: 'kW' does not fit energy_import_wh", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("'voltage_l1_v' needs `register`", StringComparison.Ordinal));
    }

    [Fact]
    public void A_yaml_syntax_error_names_the_position()
    {
        using var dir = new TempProfiles();
        dir.Write("syntax", "manufacturer: [unclosed\nmodel: x\n");
        var error = Assert.Throws<DeviceProfileException>(() => DeviceProfiles.Load(dir.Path));
        Assert.StartsWith("syntax.yaml:", error.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Equal("(syntax)", error.Errors[0].Key);
    }

    [Fact]
    public void Get_names_the_known_profiles_when_one_is_missing()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => ShippedProfiles.All.Get("eastron-sdm999"));
        Assert.Contains("eastron-sdm630", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_schema_declares_exactly_the_keys_the_loader_accepts()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.SchemaDir, "device-profile.schema.json")));
        var root = schema.RootElement;
        var byPath = new Dictionary<string, JsonElement>(StringComparer.Ordinal)
        {
            [""] = root,
            ["defaults"] = root.GetProperty("properties").GetProperty("defaults"),
            ["identify"] = root.GetProperty("properties").GetProperty("identify"),
            ["points[]"] = root.GetProperty("properties").GetProperty("points").GetProperty("items"),
        };

        Assert.Equal(ProfileKeys.ByPath.Keys.Order(StringComparer.Ordinal), byPath.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, node) in byPath)
        {
            var keys = node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal);
            Assert.Equal(ProfileKeys.ByPath[path].Order(StringComparer.Ordinal), keys);
            Assert.False(node.GetProperty("additionalProperties").GetBoolean(), $"'{path}' must forbid other keys");
        }

        var quantities = byPath["points[]"].GetProperty("properties").GetProperty("quantity").GetProperty("enum").EnumerateArray().Select(e => e.GetString());
        Assert.Equal(Quantities.All.Order(StringComparer.Ordinal), quantities.Order(StringComparer.Ordinal));
    }
}
