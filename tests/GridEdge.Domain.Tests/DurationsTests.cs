using GridEdge.Domain.Units;
using Xunit;

namespace GridEdge.Domain.Tests;

public sealed class DurationsTests
{
    [Theory]
    [InlineData("500ms", 500)]
    [InlineData("20s", 20_000)]
    [InlineData("1.5s", 1_500)]
    [InlineData("5m", 300_000)]
    [InlineData("2h", 7_200_000)]
    [InlineData("1d", 86_400_000)]
    [InlineData(" 3s ", 3_000)]
    public void Parses_every_unit(string text, double milliseconds)
    {
        Assert.True(Durations.TryParse(text, out var duration));
        Assert.Equal(milliseconds, duration.TotalMilliseconds);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("5")]
    [InlineData("s")]
    [InlineData("-5s")]
    [InlineData("5 minutes")]
    [InlineData("1e3s")]
    [InlineData("5x")]
    [InlineData("99999999999999d")]
    public void Rejects_anything_else(string? text)
    {
        Assert.False(Durations.TryParse(text, out _));
    }

    [Fact]
    public void Parsing_ignores_the_current_culture()
    {
        var before = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            Assert.True(Durations.TryParse("1.5s", out var d));
            Assert.Equal(1500, d.TotalMilliseconds);
            Assert.False(Durations.TryParse("1,5s", out _));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(500, "500ms")]
    [InlineData(3_000, "3s")]
    [InlineData(90_000, "90s")]
    [InlineData(3_600_000, "1h")]
    public void Formats_in_the_largest_exact_unit(double milliseconds, string expected)
    {
        Assert.Equal(expected, Durations.Format(TimeSpan.FromMilliseconds(milliseconds)));
    }
}
