namespace GridEdge.Host.Configuration;

/// <summary>The <c>site:</c> section: who the installation is.</summary>
internal sealed record SiteIdentity(string Id, string Name, TimeZoneInfo TimeZone, string Currency);
