using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class SyntaxErrorTests
{
    [Fact]
    public void An_unclosed_quote_is_a_syntax_error_at_its_position()
    {
        var error = SingleError(With("  name: Test site", "  name: \"Test site"));

        Assert.Equal("(yaml)", error.Path);
        Assert.Equal((3, 9), (error.Line, error.Column));
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.Contains("quoted scalar", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_indentation_is_a_syntax_error()
    {
        var error = SingleError(With("  name: Test site", "  name: Test site\n    oops: 1"));

        Assert.Equal("(yaml)", error.Path);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_bracket_is_a_syntax_error()
    {
        var error = SingleError(With("      unit: 1", "      unit: [1"));

        Assert.Equal("(yaml)", error.Path);
        Assert.StartsWith("invalid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_document_is_reported()
    {
        var error = SingleError(Valid + "---\nsite: {}\n");

        AssertError(error, 29, 1, "(root)", "a site file holds one YAML document; remove the second '---'");
    }

    [Fact]
    public void An_alias_without_anchor_is_reported_where_it_is_used()
    {
        var error = SingleError(With("  voltage_v: 230", "  voltage_v: *volts"));

        AssertError(error, 8, 14, "grid.voltage_v", "alias '*volts' has no anchor '&volts' before it");
    }

    [Fact]
    public void Anchors_and_aliases_may_share_values()
    {
        var config = Load(With("  voltage_v: 230", "  voltage_v: &volts 200") + "    voltage_v: *volts\n");

        Assert.Equal(200, config.Site.ChargePoints[0].Voltage.Volts);
    }

    [Fact]
    public void A_list_at_the_top_is_not_a_site_file()
    {
        var error = SingleError("- site\n- grid\n");

        AssertError(error, 1, 1, "(root)", "expected a mapping, got a list");
    }
}
