using GridEdge.Modbus;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Devices.Profiles;

/// <summary>
/// Reads one profile file. Every error in the file is collected (file, line, column, key) and
/// thrown together, so a profile author fixes them in one pass.
/// </summary>
public static class DeviceProfileLoader
{
    private static readonly IReadOnlyDictionary<string, DeviceKind> Kinds = Enum.GetValues<DeviceKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => k, StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, Discovery> Discoveries = Enum.GetValues<Discovery>().ToDictionary(k => k.ToString().ToLowerInvariant(), k => k, StringComparer.Ordinal);

    /// <summary>Loads <paramref name="path"/>; <paramref name="baseProfile"/> resolves `extends:`.</summary>
    public static DeviceProfile Load(string path, Func<string, DeviceProfile?> baseProfile)
    {
        var file = Path.GetFileName(path);
        var yaml = new ProfileYaml(file);
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(path);
            stream.Load(reader);
        }
        catch (YamlException ex)
        {
            throw new DeviceProfileException([new ProfileError(file, (int)ex.Start.Line, (int)ex.Start.Column, "(syntax)", ex.InnerException?.Message ?? ex.Message)]);
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; it gives no position.
            throw new DeviceProfileException([new ProfileError(file, 1, 1, "(syntax)", "not valid YAML: " + ex.Message)]);
        }

        if (stream.Documents.Count == 0)
        {
            throw new DeviceProfileException([new ProfileError(file, 1, 1, "(document)", "the file is empty")]);
        }

        var root = stream.Documents[0].RootNode;
        var profile = Read(Path.GetFileNameWithoutExtension(path), root, yaml, baseProfile);
        return yaml.Errors.Count > 0 ? throw new DeviceProfileException(yaml.Errors) : profile;
    }

    private static DeviceProfile Read(string name, YamlNode root, ProfileYaml yaml, Func<string, DeviceProfile?> baseProfile)
    {
        var top = yaml.Mapping(root, "", ProfileKeys.Top);
        DeviceProfile? parent = null;
        if (yaml.Text(top, "extends", "") is { } extends)
        {
            parent = baseProfile(extends);
            if (parent is null)
            {
                yaml.Error(top["extends"], "extends", $"no profile '{extends}' in the same directory");
            }
        }

        var defaults = top.TryGetValue("defaults", out var defaultsNode) ? yaml.Mapping(defaultsNode, "defaults", ProfileKeys.Defaults) : [];
        var pointDefaults = new ProfilePoint
        {
            Quantity = "",
            Unit = yaml.Text(defaults, "unit", "defaults") ?? "",
            Function = yaml.Choice(defaults, "function", "defaults", ProfileYaml.Functions) ?? FunctionCode.ReadHoldingRegisters,
            Type = yaml.Choice(defaults, "type", "defaults", ProfileYaml.Types) ?? RegisterType.UInt16,
            Order = yaml.Choice(defaults, "order", "defaults", ProfileYaml.Orders) ?? WordOrder.ABCD,
            Sign = yaml.Choice(defaults, "sign", "defaults", ProfileYaml.Signs) ?? PointSign.ImportPositive,
            Group = yaml.Text(defaults, "group", "defaults") ?? DeviceProfile.DefaultGroup,
        };

        var groups = ReadGroups(top, yaml, parent);
        var points = ReadPoints(top, yaml, pointDefaults, groups, root);
        var discovery = yaml.Choice(top, "discovery", "", Discoveries) ?? parent?.Discovery ?? Discovery.Fixed;
        CheckLocations(points, discovery, yaml, top);

        return new DeviceProfile
        {
            Name = name,
            Manufacturer = yaml.Text(top, "manufacturer", "") ?? parent?.Manufacturer ?? Required(yaml, root, "manufacturer"),
            Model = yaml.Text(top, "model", "") ?? parent?.Model ?? Required(yaml, root, "model"),
            Kind = yaml.Choice(top, "kind", "", Kinds) ?? parent?.Kind ?? DeviceKind.Meter,
            Discovery = discovery,
            SunSpecSentinels = yaml.Boolean(top, "sunspec_sentinels", "") ?? parent?.SunSpecSentinels ?? discovery == Discovery.SunSpec,
            MaxGap = yaml.Integer(top, "max_gap", "", 0, ModbusLimits.MaxReadRegisters) ?? parent?.MaxGap ?? 16,
            Groups = groups,
            Identify = top.TryGetValue("identify", out var identify) ? ReadIdentify(identify, yaml) : parent?.Identify,
            Points = Merge(parent?.Points ?? [], points),
        };
    }

    /// <summary>A child's point replaces the parent's point of the same quantity; the others are inherited.</summary>
    private static List<ProfilePoint> Merge(IReadOnlyList<ProfilePoint> inherited, List<ProfilePoint> own) =>
        [.. inherited.Where(p => own.All(o => o.Quantity != p.Quantity)), .. own];

    private static string Required(ProfileYaml yaml, YamlNode root, string key)
    {
        yaml.Error(root, key, "is required");
        return "";
    }

    private static Dictionary<string, TimeSpan> ReadGroups(Dictionary<string, YamlNode> top, ProfileYaml yaml, DeviceProfile? parent)
    {
        var groups = new Dictionary<string, TimeSpan>(parent?.Groups ?? new Dictionary<string, TimeSpan>(), StringComparer.Ordinal);
        if (!top.TryGetValue("groups", out var node))
        {
            return groups;
        }

        if (node is not YamlMappingNode mapping)
        {
            yaml.Error(node, "groups", "expected a mapping of group name → interval, e.g. { fast: 1s, slow: 30s }");
            return groups;
        }

        foreach (var (key, value) in mapping.Children)
        {
            var name = ((YamlScalarNode)key).Value ?? "";
            if (yaml.Duration(value, "groups." + name) is { } interval)
            {
                groups[name] = interval;
            }
        }

        return groups;
    }

    private static List<ProfilePoint> ReadPoints(Dictionary<string, YamlNode> top, ProfileYaml yaml, ProfilePoint defaults, Dictionary<string, TimeSpan> groups, YamlNode root)
    {
        var points = new List<ProfilePoint>();
        if (!top.TryGetValue("points", out var node))
        {
            if (!top.ContainsKey("extends"))
            {
                yaml.Error(root, "points", "is required");
            }

            return points;
        }

        if (node is not YamlSequenceNode sequence)
        {
            yaml.Error(node, "points", "expected a list of points");
            return points;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            if (ProfilePointReader.Read(sequence.Children[i], $"points[{i}]", yaml, defaults, groups) is { } point)
            {
                if (points.Any(p => p.Quantity == point.Quantity && (p.Models.Count == 0 || point.Models.Count == 0 || p.Models.Intersect(point.Models).Any())))
                {
                    yaml.Error(sequence.Children[i], $"points[{i}].quantity", $"'{point.Quantity}' appears twice (only SunSpec points for different models may repeat a quantity)");
                }

                points.Add(point);
            }
        }

        return points;
    }

    private static void CheckLocations(List<ProfilePoint> points, Discovery discovery, ProfileYaml yaml, Dictionary<string, YamlNode> top)
    {
        foreach (var point in points.Where(p => discovery == Discovery.Fixed && p.Register is null))
        {
            yaml.Error(top["points"], "points", $"'{point.Quantity}' needs `register` (this profile has fixed addresses)");
        }
    }

    private static IdentifyRule? ReadIdentify(YamlNode node, ProfileYaml yaml)
    {
        var map = yaml.Mapping(node, "identify", ProfileKeys.Identify);
        var register = yaml.Integer(map, "register", "identify", 0, 65535);
        var min = yaml.Number(map, "min", "identify");
        var max = yaml.Number(map, "max", "identify");
        if (register is null || min is null || max is null)
        {
            yaml.Error(node, "identify", "needs register, min and max");
            return null;
        }

        return new IdentifyRule(
            yaml.Choice(map, "function", "identify", ProfileYaml.Functions) ?? FunctionCode.ReadHoldingRegisters,
            (ushort)register,
            yaml.Choice(map, "type", "identify", ProfileYaml.Types) ?? RegisterType.UInt16,
            yaml.Choice(map, "order", "identify", ProfileYaml.Orders) ?? WordOrder.ABCD,
            min.Value,
            max.Value);
    }
}
