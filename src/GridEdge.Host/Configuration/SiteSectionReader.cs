namespace GridEdge.Host.Configuration;

/// <summary>Reads the <c>site:</c> section.</summary>
internal static class SiteSectionReader
{
    public static SiteIdentity? Read(ConfigMap root)
    {
        if (root.RequiredMap("site") is not { } site)
        {
            return null;
        }

        var id = site.RequiredString("id", SitePatterns.SiteId(), SitePatterns.SiteIdHint);
        var name = site.RequiredString("name");
        var timeZone = ReadTimeZone(site.Required("timezone"));
        var currency = site.RequiredString("currency", SitePatterns.Currency(), SitePatterns.CurrencyHint);
        return id is null || name is null || timeZone is null || currency is null
            ? null
            : new SiteIdentity(id, name, timeZone, currency);
    }

    private static TimeZoneInfo? ReadTimeZone(ConfigNode? node)
    {
        if (node?.AsString() is not { } name)
        {
            return null;
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(name, out var timeZone))
        {
            node.Error($"'{name}' is not a known time zone (use an IANA name such as Asia/Tokyo or Europe/Berlin)");
            return null;
        }

        return timeZone;
    }
}
