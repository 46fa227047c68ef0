using GridEdge.Domain.Site;

namespace GridEdge.Host.Configuration;

/// <summary>
/// Reads where <c>planning.prices</c> or <c>planning.forecast</c> comes from: <c>source: file</c> with
/// <c>path</c>, <c>source: url</c> with <c>url</c> (and <c>refresh</c>, <c>timeout</c>,
/// <c>credentials_file</c>), or <c>source: mqtt</c> with <c>topic</c> (and <c>broker</c>, default the
/// first). A key of another source is an error, so a file never silently wins over a URL.
/// </summary>
internal static class ScheduleSourceReader
{
    private static readonly TimeSpan DefaultRefresh = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Each source's own keys.</summary>
    private static readonly (string Key, string Source)[] SourceKeys =
    [
        ("path", SiteKeywords.FileSource),
        ("url", SiteKeywords.UrlSource),
        ("refresh", SiteKeywords.UrlSource),
        ("timeout", SiteKeywords.UrlSource),
        ("credentials_file", SiteKeywords.UrlSource),
        ("topic", SiteKeywords.MqttSource),
        ("broker", SiteKeywords.MqttSource),
    ];

    /// <summary>Query parameters that carry secrets: those belong in the credentials, not in a committed URL.</summary>
    private static readonly string[] SecretQueryWords = ["token", "secret", "password", "apikey", "api_key", "api-key", "signature"];

    public static ScheduleSource? Read(ConfigMap map, SiteFileContext context, IReadOnlyList<MqttBrokerSettings> brokers)
    {
        var source = map.RequiredKeyword("source", SiteKeywords.ScheduleSources);
        if (source is null)
        {
            return null;
        }

        var foreign = false;
        foreach (var (key, owner) in SourceKeys)
        {
            if (owner != source && map.Optional(key) is { } node)
            {
                node.Error($"'{key}' is only used with source: {owner}");
                foreign = true;
            }
        }

        ScheduleSource? read = source switch
        {
            SiteKeywords.FileSource => ReadFile(map),
            SiteKeywords.UrlSource => ReadUrl(map),
            _ => ReadMqtt(map, context, brokers),
        };
        return foreign ? null : read;
    }

    private static FileScheduleSource? ReadFile(ConfigMap map)
    {
        if (map.Optional("path") is not { } node)
        {
            map.ReportMissing("path", "needed with source: file");
            return null;
        }

        return node.AsString() is { } path ? new FileScheduleSource(path) : null;
    }

    private static UrlScheduleSource? ReadUrl(ConfigMap map)
    {
        var node = map.Optional("url");
        if (node is null)
        {
            map.ReportMissing("url", "needed with source: url");
        }

        var url = node?.AsUrl(SiteKeywords.HttpSchemes);
        var refresh = map.OptionalDuration("refresh", TimeSpan.FromMinutes(1), TimeSpan.FromHours(24)) ?? DefaultRefresh;
        var timeout = map.OptionalDuration("timeout", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)) ?? DefaultTimeout;
        var credentialsFile = map.OptionalString("credentials_file");
        if (url is null)
        {
            return null;
        }

        if (url.UserInfo.Length > 0 || HasSecretQuery(url))
        {
            node!.Error(SiteFileKeys.SecretMessage(map.Node.SchemaPath, "token")!);
            return null;
        }

        return new UrlScheduleSource(url, refresh, timeout, credentialsFile);
    }

    private static MqttScheduleSource? ReadMqtt(ConfigMap map, SiteFileContext context, IReadOnlyList<MqttBrokerSettings> brokers)
    {
        var topicNode = map.Optional("topic");
        if (topicNode is null)
        {
            map.ReportMissing("topic", "needed with source: mqtt");
        }

        var topic = topicNode?.AsString();
        if (topic is not null && topic.AsSpan().IndexOfAny('+', '#') >= 0)
        {
            topicNode!.Error($"'{topic}' is a topic filter; give one topic, without + or #");
            topic = null;
        }

        string? broker;
        if (map.Optional("broker") is { } brokerNode)
        {
            broker = context.Brokers.TryResolve(brokerNode, out var id, out _) ? id : null;
        }
        else if (brokers.Count > 0)
        {
            broker = brokers[0].Id;
        }
        else
        {
            map.Optional("source")!.Error("source mqtt needs a broker in mqtt.brokers");
            broker = null;
        }

        return topic is null || broker is null ? null : new MqttScheduleSource(topic, broker);
    }

    private static bool HasSecretQuery(Uri url) =>
        url.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=')[0])
            .Any(name => name.Equals("key", StringComparison.OrdinalIgnoreCase)
                || SecretQueryWords.Any(word => name.Contains(word, StringComparison.OrdinalIgnoreCase)));
}
