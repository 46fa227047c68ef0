using Xunit;
using static GridEdge.Host.Tests.Configuration.SiteYaml;

namespace GridEdge.Host.Tests.Configuration;

public sealed class UnknownKeyTests
{
    [Fact]
    public void A_misspelt_key_suggests_the_closest_allowed_key()
    {
        var errors = Errors(With("    max_current_a: 16", "    max_curent_a: 16"));

        Assert.Equal(2, errors.Count);
        AssertError(errors[0], 23, 5, "chargers[0].max_current_a", "required key 'max_current_a' is missing");
        AssertError(errors[1], 28, 5, "chargers[0].max_curent_a", "unknown key 'max_curent_a' (did you mean 'max_current_a'?)");
    }

    [Fact]
    public void A_key_unlike_any_allowed_key_lists_the_allowed_keys()
    {
        var error = SingleError(Valid + "colour: blue\n");

        AssertError(error, 29, 1, "colour",
            "unknown key 'colour' (allowed: site, grid, meters, mqtt, chargers, pv, battery, tariff, planning, control, api, telemetry, simulation)");
    }

    [Fact]
    public void Unknown_keys_are_found_in_nested_sections()
    {
        var error = SingleError(With("      profile: eastron-sdm630", "      profile: eastron-sdm630\n      adress: 4"));

        AssertError(error, 18, 7, "meters[0].modbus.adress", "unknown key 'adress' (allowed: endpoint, unit, profile)");
    }

    [Fact]
    public void A_key_with_swapped_letters_is_recognised()
    {
        var error = SingleError(With("  voltage_v: 230", "  voltage_v: 230\n  export_limti_w: 0"));

        AssertError(error, 9, 3, "grid.export_limti_w", "unknown key 'export_limti_w' (did you mean 'export_limit_w'?)");
    }
}
