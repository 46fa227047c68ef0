using GridEdge.Domain.Site;
using GridEdge.Host.Configuration;
using GridEdge.Testing;
using Xunit;

namespace GridEdge.Host.Tests.Runtime;

/// <summary>The demo site as loaded from firmware-config, optionally with every chargepoint in one mode.</summary>
internal static class DemoSite
{
    public static SiteConfiguration Load()
    {
        var result = SiteConfigLoader.Load(RepoPaths.DemoSite);
        Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
        return result.Configuration;
    }

    public static SiteConfiguration WithAllModes(ChargeMode mode)
    {
        var configuration = Load();
        var site = configuration.Site with { ChargePoints = [.. configuration.Site.ChargePoints.Select(c => c with { Mode = mode })] };
        return configuration with { Site = site };
    }
}
