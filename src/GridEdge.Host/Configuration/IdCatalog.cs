using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace GridEdge.Host.Configuration;

/// <summary>
/// The ids of one kind of item (meters, brokers, chargers), each with what later checks need to
/// know about it: reports duplicate ids and references to ids that do not exist.
/// </summary>
internal sealed class IdCatalog<T>(string kind)
{
    private readonly Dictionary<string, (T Item, long Line)> _items = new(StringComparer.Ordinal);

    /// <summary>Adds <paramref name="item"/> under the id written at <paramref name="idNode"/>, or reports a duplicate.</summary>
    public void Add(string id, ConfigNode idNode, T item)
    {
        if (_items.TryGetValue(id, out var first))
        {
            idNode.Error(string.Create(CultureInfo.InvariantCulture, $"duplicate id '{id}' (first defined at line {first.Line})"));
            return;
        }

        _items.Add(id, (item, idNode.Line));
    }

    /// <summary>The id and item a reference names; reports <c>'x' is not a meter id (known: …)</c> when there is none.</summary>
    public bool TryResolve(ConfigNode reference, [NotNullWhen(true)] out string? id, [MaybeNullWhen(false)] out T item)
    {
        item = default;
        id = reference.AsString();
        if (id is null)
        {
            return false;
        }

        if (_items.TryGetValue(id, out var entry))
        {
            item = entry.Item;
            return true;
        }

        var known = _items.Count == 0 ? "none" : string.Join(", ", _items.Keys);
        reference.Error($"'{id}' is not a {kind} id (known: {known})");
        id = null;
        return false;
    }
}
