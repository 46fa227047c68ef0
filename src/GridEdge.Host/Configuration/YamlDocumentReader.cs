using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Reads the YAML text of a site file into YamlDotNet's representation model. YamlDotNet stops at
/// the first duplicate key, so the events are recorded first: each duplicate key becomes an error
/// and is left out (with its value) of the document that is then built, so that the rest of the
/// file is still checked. Syntax errors become errors with their position.
/// </summary>
internal static class YamlDocumentReader
{
    /// <summary>The root node of the single document, or null after a syntax error or for an empty file.</summary>
    public static YamlNode? Read(string text, ConfigErrors errors)
    {
        var events = Record(text, errors);
        if (events is null)
        {
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new ReplayParser(events));
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, ConfigPath.SyntaxDisplay, Describe(ex));
            return null;
        }

        return stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
    }

    private static List<ParsingEvent>? Record(string text, ConfigErrors errors)
    {
        var events = new List<ParsingEvent>();
        var frames = new Stack<Frame>();
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var documents = 0;
        var skipDepth = 0;
        var skipping = false;
        var parser = new Parser(new StringReader(text));
        ParsingEvent? last = null;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                last = e;
                if (skipping)
                {
                    skipDepth += e.NestingIncrease;
                    // The duplicate key was left out, so after its value the mapping expects a key again.
                    skipping = skipDepth != 0;

                    continue;
                }

                switch (e)
                {
                    case DocumentStart:
                        documents++;
                        if (documents > 1)
                        {
                            errors.Add(e.Start, ConfigPath.RootDisplay, "a site file holds one YAML document; remove the second '---'");
                            events.Add(new StreamEnd());
                            return events;
                        }

                        break;
                    case MappingStart or SequenceStart or Scalar or AnchorAlias:
                        if (IsDuplicateKey(frames, e, errors))
                        {
                            skipping = true;
                            skipDepth = 0;
                            continue;
                        }

                        if (e is AnchorAlias { Value: var alias } && !anchors.Contains(alias.Value))
                        {
                            // YamlDotNet would report this at the start of the document.
                            errors.Add(e.Start, PathOfNextNode(frames), $"alias '*{alias.Value}' has no anchor '&{alias.Value}' before it");
                            return null;
                        }

                        if (e is NodeEvent { Anchor: { IsEmpty: false } anchor })
                        {
                            anchors.Add(anchor.Value);
                        }

                        if (e is MappingStart or SequenceStart)
                        {
                            frames.Push(new Frame(e is MappingStart, PathOfNextNode(frames)));
                        }
                        else if (frames.Count > 0)
                        {
                            frames.Peek().NodeCompleted();
                        }

                        break;
                    case MappingEnd or SequenceEnd:
                        frames.Pop();
                        if (frames.Count > 0)
                        {
                            frames.Peek().NodeCompleted();
                        }

                        break;
                }

                events.Add(e);
            }
        }
        catch (YamlException ex)
        {
            errors.Add(ex.Start, ConfigPath.SyntaxDisplay, Describe(ex));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed flow collections.
            var at = last?.End ?? Mark.Empty;
            errors.Add(at, ConfigPath.SyntaxDisplay, "invalid YAML after this point (an unclosed [ or { ?)");
            return null;
        }

        return events;
    }

    /// <summary>True (after reporting it) when <paramref name="e"/> is a mapping key already seen in its mapping.</summary>
    private static bool IsDuplicateKey(Stack<Frame> frames, ParsingEvent e, ConfigErrors errors)
    {
        if (frames.Count == 0 || frames.Peek() is not { IsMapping: true, ExpectingKey: true } mapping)
        {
            return false;
        }

        if (e is not Scalar { Value: var key })
        {
            mapping.CurrentKey = "?";
            return false;
        }

        if (mapping.KeyLines.TryGetValue(key, out var firstLine))
        {
            errors.Add(e.Start, ConfigPath.Child(mapping.Path, key),
                string.Create(CultureInfo.InvariantCulture, $"duplicate key '{key}' (first defined at line {firstLine})"));
            return true;
        }

        mapping.KeyLines[key] = e.Start.Line;
        mapping.CurrentKey = key;
        return false;
    }

    private static string PathOfNextNode(Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return "";
        }

        var parent = frames.Peek();
        return parent.IsMapping
            ? ConfigPath.Child(parent.Path, parent.ExpectingKey ? "?" : parent.CurrentKey ?? "?")
            : ConfigPath.Item(parent.Path, parent.Index);
    }

    private static string Describe(YamlException ex)
    {
        var message = ex.Message.Trim().TrimEnd('.');
        return message.Length == 0 ? "invalid YAML" : "invalid YAML: " + message;
    }

    /// <summary>An open mapping or sequence while recording.</summary>
    private sealed class Frame(bool isMapping, string path)
    {
        public bool IsMapping { get; } = isMapping;

        public string Path { get; } = path;

        /// <summary>In a mapping: true when the next node is a key.</summary>
        public bool ExpectingKey { get; private set; } = true;

        public string? CurrentKey { get; set; }

        /// <summary>In a sequence: the index of the next item.</summary>
        public int Index { get; private set; }

        public Dictionary<string, long> KeyLines { get; } = new(StringComparer.Ordinal);

        public void NodeCompleted()
        {
            if (IsMapping)
            {
                ExpectingKey = !ExpectingKey;
            }
            else
            {
                Index++;
            }
        }
    }
}
