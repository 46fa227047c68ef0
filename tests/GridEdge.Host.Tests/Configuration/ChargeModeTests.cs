using GridEdge.Domain.Site;
using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class ChargeModeTests
{
    [Theory]
    [InlineData("plan")]
    [InlineData("v2h")]
    public void Planned_modes_are_not_supported_yet(string mode)
    {
        var error = SingleError(Valid + $"    mode: {mode}\n");

        AssertError(error, 29, 11, "chargers[0].mode", $"mode '{mode}' is not supported by this version (allowed: off, now, solar, minsolar)");
    }

    [Fact]
    public void An_unknown_mode_lists_the_modes()
    {
        var error = SingleError(Valid + "    mode: fast\n");

        AssertError(error, 29, 11, "chargers[0].mode", "'fast' is not one of: off, now, solar, minsolar");
    }

    [Theory]
    [InlineData("off", ChargeMode.Off)]
    [InlineData("now", ChargeMode.Now)]
    [InlineData("solar", ChargeMode.Solar)]
    [InlineData("minsolar", ChargeMode.MinSolar)]
    public void Modes_map_to_the_domain(string text, ChargeMode mode)
    {
        var config = Load(Valid + $"    mode: {text}\n");

        Assert.Equal(mode, config.Site.ChargePoints[0].Mode);
    }

    [Fact]
    public void Without_a_mode_a_charger_is_off()
    {
        Assert.Equal(ChargeMode.Off, Load(Valid).Site.ChargePoints[0].Mode);
    }
}
