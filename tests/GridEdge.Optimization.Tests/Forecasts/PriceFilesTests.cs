using GridEdge.Optimization.Forecasts;
using Xunit;

namespace GridEdge.Optimization.Tests.Forecasts;

public sealed class PriceFilesTests
{
    [Fact]
    public void Jepx_slots_are_half_hours_of_the_japanese_day()
    {
        const string Csv = "date,slot,price,tokyo,co2_g_per_kwh\n2026/11/23,1,10.5,11.25,450\n2026/11/23,48,12,13,400\n";

        var slots = PriceFiles.ReadJepx(new StringReader(Csv), "jepx.csv", "tokyo");

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(9)), slots[0].Start);
        Assert.Equal(11.25, slots[0].PricePerKwh);
        Assert.Equal(450, slots[0].Co2GramsPerKwh);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 23, 30, 0, TimeSpan.FromHours(9)), slots[1].Start);
        Assert.Equal(13, PriceFiles.At(slots, new DateTimeOffset(2026, 11, 23, 14, 59, 0, TimeSpan.Zero))?.PricePerKwh);
        Assert.Null(PriceFiles.At(slots, slots[0].Start.AddHours(1)));
    }

    [Theory]
    [InlineData("date,slot,price\n2026/11/23,49,10\n", "slot")]
    [InlineData("date,slot,price\n23.11.2026,1,10\n", "date")]
    [InlineData("date,slot,price\n2026/11/23,1,ten\n", "price")]
    [InlineData("date,slot,price\n2026/11/23,1,10\n2026/11/23,1,11\n", "twice")]
    public void Bad_jepx_files_name_the_problem(string csv, string field)
    {
        var ex = Assert.Throws<PriceFileFormatException>(() => PriceFiles.ReadJepx(new StringReader(csv), "jepx.csv"));
        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Eu_day_ahead_is_per_mwh_in_15_minute_slots()
    {
        const string Csv = "# EPEX DE-LU\nstart,price_per_mwh\n2026-11-23T00:15:00+01:00,-5.5\n2026-11-23T00:00:00+01:00,85.2\n";

        var slots = PriceFiles.ReadEuDayAhead(new StringReader(Csv), "da.csv");

        Assert.Equal(0.0852, slots[0].PricePerKwh, 1e-12);
        Assert.Equal(-0.0055, slots[1].PricePerKwh, 1e-12);
        Assert.Equal(TimeSpan.FromMinutes(15), slots[1].Length);
        Assert.Null(slots[0].Co2GramsPerKwh);
    }

    [Fact]
    public void Eu_start_without_an_offset_is_refused() =>
        Assert.Throws<PriceFileFormatException>(() => PriceFiles.ReadEuDayAhead(new StringReader("start,price_per_mwh\n2026-11-23T00:00:00,1\n"), "da.csv"));

    [Fact]
    public void A_longer_plan_slot_gets_the_time_weighted_average_of_the_prices_it_spans()
    {
        const string Csv = "start,price_per_mwh,co2_g_per_kwh\n2026-11-23T00:00:00+01:00,100,300\n2026-11-23T00:15:00+01:00,40,200\n";
        var slots = PriceFiles.ReadEuDayAhead(new StringReader(Csv), "da.csv");
        var midnight = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(1));

        var half = PriceFiles.Over(slots, midnight, TimeSpan.FromMinutes(30))!.Value;
        Assert.Equal(0.07, half.PricePerKwh, 1e-12);
        Assert.Equal(250, half.Co2GramsPerKwh!.Value, 1e-9);

        // Only the covered part counts: 00:15–00:30 of a 00:15–00:45 slot.
        Assert.Equal(0.04, PriceFiles.Over(slots, midnight.AddMinutes(15), TimeSpan.FromMinutes(30))!.Value.PricePerKwh, 1e-12);
        Assert.Null(PriceFiles.Over(slots, midnight.AddMinutes(30), TimeSpan.FromMinutes(30)));
    }

    [Fact]
    public void The_last_known_price_is_the_last_slot_started_before()
    {
        const string Csv = "date,slot,price\n2026/11/23,1,10\n2026/11/23,2,11\n";
        var slots = PriceFiles.ReadJepx(new StringReader(Csv), "jepx.csv");
        var first = new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(9));

        Assert.Equal(11, PriceFiles.LastKnown(slots, first.AddDays(1))!.Value.PricePerKwh);
        Assert.Equal(10, PriceFiles.LastKnown(slots, first.AddMinutes(29))!.Value.PricePerKwh);
        Assert.Equal(10, PriceFiles.LastKnown(slots, first.AddDays(-1))!.Value.PricePerKwh);
        Assert.Null(PriceFiles.LastKnown([], first));
    }
}
