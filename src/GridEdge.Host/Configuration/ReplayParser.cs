using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace GridEdge.Host.Configuration;

/// <summary>Feeds a recorded list of parsing events to YamlDotNet, e.g. into a <c>YamlStream</c>.</summary>
internal sealed class ReplayParser(IReadOnlyList<ParsingEvent> events) : IParser
{
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next >= events.Count)
        {
            Current = null;
            return false;
        }

        Current = events[_next++];
        return true;
    }
}
