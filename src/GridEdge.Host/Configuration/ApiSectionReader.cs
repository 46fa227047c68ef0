namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>api:</c> section: an http(s) URL with host and explicit port, no path.</summary>
internal static class ApiSectionReader
{
    public static ApiSettings Read(ConfigMap root)
    {
        var node = root.OptionalMap("api")?.Optional("url");
        if (node?.AsUrl(SiteKeywords.HttpSchemes) is not { } url)
        {
            return new ApiSettings();
        }

        if (!HasExplicitPort(node.ScalarText!.Trim()))
        {
            node.Error($"'{node.ScalarText.Trim()}' needs an explicit port, e.g. http://127.0.0.1:8080");
        }
        else if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            node.Error($"'{node.ScalarText.Trim()}' must be only scheme, host and port, e.g. http://127.0.0.1:8080");
        }

        return new ApiSettings { Url = url };
    }

    /// <summary>True when the authority of <paramref name="url"/> ends in <c>:PORT</c>.</summary>
    private static bool HasExplicitPort(string url)
    {
        var start = url.IndexOf("://", StringComparison.Ordinal) + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        var authority = end < 0 ? url[start..] : url[start..end];
        var colon = authority.LastIndexOf(':');
        return colon > authority.LastIndexOf(']') && colon < authority.Length - 1;
    }
}
