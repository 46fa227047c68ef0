using System.Globalization;
using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Domain.Tests;

public sealed class UnitsTests
{
    [Fact]
    public void Power_held_over_time_is_energy_and_back()
    {
        var energy = new Power(3000) * TimeSpan.FromMinutes(30);
        Assert.Equal(1500, energy.WattHours, 9);
        Assert.Equal(3000, (energy / TimeSpan.FromMinutes(30)).Watts, 9);
    }

    [Fact]
    public void Current_and_voltage_give_power_per_phase_count()
    {
        Assert.Equal(11_040, new Current(16).ToPower(Voltage.Europe, 3).Watts, 9);
        Assert.Equal(6_000, new Current(30).ToPower(Voltage.Japan, 1).Watts, 9);
        Assert.Equal(16, new Power(11_040).PerPhaseCurrent(Voltage.Europe, 3).Amperes, 9);
    }

    [Theory]
    [InlineData(6.79, 0.1, 6.7)]
    [InlineData(6.0, 0.1, 6.0)]
    [InlineData(15.99, 1, 15)]
    [InlineData(7.3, 0, 7.3)]
    public void Floor_to_step_never_rounds_up(double amperes, double step, double expected)
    {
        Assert.Equal(expected, new Current(amperes).FloorTo(new Current(step)).Amperes, 9);
    }

    [Fact]
    public void Price_and_intensity_scale_with_energy()
    {
        var energy = Energy.FromKilowattHours(2.5);
        Assert.Equal(75, new Price(30).CostOf(energy), 9);
        Assert.Equal(1000, new Co2Intensity(400).GramsFor(energy), 9);
    }

    [Fact]
    public void Text_is_invariant_whatever_the_culture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("fr-FR");
            Assert.Equal("1234.5 W", new Power(1234.5).ToString());
            Assert.Equal("6.25 A", new Current(6.25).ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void Effective_import_limit_is_the_stricter_of_fuse_and_contract()
    {
        var grid = new GridConnection { Phases = 3, Voltage = Voltage.Europe, MaxCurrentPerPhase = new(25), MeterId = "grid" };
        Assert.Equal(17_250, grid.EffectiveImportLimit.Watts, 9);
        Assert.Equal(11_000, (grid with { ImportLimit = new Power(11_000) }).EffectiveImportLimit.Watts, 9);
        Assert.Equal(17_250, (grid with { ImportLimit = new Power(40_000) }).EffectiveImportLimit.Watts, 9);
    }
}
