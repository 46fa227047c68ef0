using GridEdge.Modbus;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Devices.Profiles;

/// <summary>Reads one entry of `points:`, filling what it leaves out from `defaults:`.</summary>
internal static class ProfilePointReader
{
    public static ProfilePoint? Read(YamlNode node, string path, ProfileYaml yaml, ProfilePoint defaults, Dictionary<string, TimeSpan> groups)
    {
        var map = yaml.Mapping(node, path, ProfileKeys.Point);
        var quantity = yaml.RequiredText(map, "quantity", path, node);
        if (quantity.Length > 0 && !Quantities.All.Contains(quantity))
        {
            yaml.Error(map["quantity"], path + ".quantity", $"unknown quantity '{quantity}' (known: {string.Join(", ", Quantities.All)})");
        }

        var unit = yaml.Text(map, "unit", path) ?? defaults.Unit;
        if (quantity.Length > 0 && Quantities.All.Contains(quantity) && Quantities.Factor(quantity, unit) is null)
        {
            yaml.Error(map.GetValueOrDefault("unit") ?? node, path + ".unit", $"'{unit}' does not fit {quantity} (use one of: {string.Join(", ", Quantities.UnitsFor(quantity))})");
        }

        var group = yaml.Text(map, "group", path) ?? defaults.Group;
        if (group != DeviceProfile.DefaultGroup && !groups.ContainsKey(group))
        {
            yaml.Error(map.GetValueOrDefault("group") ?? node, path + ".group", $"group '{group}' is not declared under `groups:`");
        }

        var models = ReadModels(map, path, yaml);
        var offset = yaml.Integer(map, "offset", path, 2, 65535);
        var register = yaml.Integer(map, "register", path, 0, 65535);
        if (register is not null && (models.Count > 0 || offset is not null))
        {
            yaml.Error(node, path, "give either `register`, or `models` and `offset`, not both");
        }

        if ((models.Count > 0) != (offset is not null))
        {
            yaml.Error(node, path, "`models` and `offset` go together");
        }

        var type = yaml.Choice(map, "type", path, ProfileYaml.Types) ?? defaults.Type;
        if (register + RegisterCodec.Width(type) > 65536)
        {
            yaml.Error(map["register"], path + ".register", "the value runs past register 65535");
        }

        return new ProfilePoint
        {
            Quantity = quantity,
            Register = (ushort?)register,
            Models = models,
            Offset = offset,
            Function = yaml.Choice(map, "function", path, ProfileYaml.Functions) ?? defaults.Function,
            Type = type,
            Order = yaml.Choice(map, "order", path, ProfileYaml.Orders) ?? defaults.Order,
            Scale = yaml.Number(map, "scale", path) ?? 1,
            ScaleRegister = (ushort?)yaml.Integer(map, "scale_register", path, 0, 65535),
            ScaleOffset = yaml.Integer(map, "scale_offset", path, 2, 65535),
            Sign = yaml.Choice(map, "sign", path, ProfileYaml.Signs) ?? defaults.Sign,
            Unit = unit,
            Group = group,
            Writable = yaml.Boolean(map, "writable", path) ?? false,
        };
    }

    private static List<int> ReadModels(Dictionary<string, YamlNode> map, string path, ProfileYaml yaml)
    {
        if (!map.TryGetValue("models", out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            yaml.Error(node, path + ".models", "expected a list of SunSpec model ids, e.g. [101, 102, 103]");
            return [];
        }

        var models = new List<int>();
        foreach (var item in sequence.Children)
        {
            if (item is YamlScalarNode scalar && int.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) && id is > 0 and < 65535)
            {
                models.Add(id);
            }
            else
            {
                yaml.Error(item, path + ".models", $"'{(item as YamlScalarNode)?.Value}' is not a SunSpec model id");
            }
        }

        return models;
    }
}
