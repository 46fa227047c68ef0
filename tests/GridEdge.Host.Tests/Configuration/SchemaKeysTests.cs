using System.Text.Json;
using GridEdge.Host.Configuration;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Configuration;

/// <summary>site.schema.json and the loader must accept exactly the same keys at every object path.</summary>
public sealed class SchemaKeysTests
{
    [Fact]
    public void The_schema_declares_exactly_the_keys_the_loader_accepts()
    {
        var schemaKeys = SchemaObjectKeys();
        var loaderKeys = SiteFileKeys.AllowedKeys.ToDictionary(p => p.Key, p => p.Value.Order(StringComparer.Ordinal).ToList());

        Assert.Equal(loaderKeys.Keys.Order(StringComparer.Ordinal), schemaKeys.Keys.Order(StringComparer.Ordinal));
        Assert.All(loaderKeys, pair => Assert.Equal(pair.Value, schemaKeys[pair.Key]));
    }

    [Fact]
    public void Every_schema_object_forbids_other_keys()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SiteSchema));
        var objects = new List<(string Path, JsonElement Node)>();
        Walk(schema.RootElement, "", (path, node) => objects.Add((path, node)));

        Assert.NotEmpty(objects);
        Assert.All(objects, o =>
        {
            Assert.True(o.Node.TryGetProperty("additionalProperties", out var additional), $"'{o.Path}' lacks additionalProperties");
            Assert.Equal(JsonValueKind.False, additional.ValueKind);
        });
    }

    [Fact]
    public void The_schema_is_draft_2020_12_and_every_key_is_described()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SiteSchema));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());

        var undescribed = new List<string>();
        Walk(schema.RootElement, "", (path, node) =>
        {
            foreach (var property in node.GetProperty("properties").EnumerateObject())
            {
                if (!property.Value.TryGetProperty("description", out _))
                {
                    undescribed.Add(path + "." + property.Name);
                }
            }
        });

        Assert.Empty(undescribed);
    }

    /// <summary>Object path (as in <see cref="SiteFileKeys"/>) → property names of that object in the schema.</summary>
    private static Dictionary<string, List<string>> SchemaObjectKeys()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SiteSchema));
        var keys = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        Walk(schema.RootElement, "", (path, node) =>
            keys.Add(path, [.. node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)]));
        return keys;
    }

    /// <summary>Calls <paramref name="visit"/> for every object schema with properties, following properties and array items.</summary>
    private static void Walk(JsonElement node, string path, Action<string, JsonElement> visit)
    {
        if (node.TryGetProperty("items", out var items))
        {
            Walk(items, path + "[]", visit);
        }

        if (!node.TryGetProperty("properties", out var properties))
        {
            return;
        }

        visit(path, node);
        foreach (var property in properties.EnumerateObject())
        {
            Walk(property.Value, path.Length == 0 ? property.Name : path + "." + property.Name, visit);
        }
    }
}
