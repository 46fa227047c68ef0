using GridEdge.Domain.Site;
using GridEdge.Domain.Units;
using GridEdge.Host.Planning;
using GridEdge.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace GridEdge.Host.Tests.Planning;

/// <summary>Per-slot conditions of the live planner: price schedule, tariff, last known price, forecast overlay.</summary>
public sealed class SlotConditionsBuilderTests
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);
    private static readonly DateTimeOffset TenPm = new(2026, 11, 23, 22, 0, 0, Jst);

    /// <summary>JEPX 22:00–24:00 JST (slots 45–48) at 10, 11, 12, 13 JPY/kWh.</summary>
    private const string LateEvening = """
        date,slot,price,co2_g_per_kwh
        2026/11/23,45,10,400
        2026/11/23,46,11,410
        2026/11/23,47,12,420
        2026/11/23,48,13,430
        """;

    /// <summary>40 JPY/kWh, 15 from 01:00 to 05:00, export 8.</summary>
    private static readonly TariffDefinition Tariff = new()
    {
        ImportPrice = new Price(40),
        ExportPrice = new Price(8),
        TimeOfUse = [new TimeOfUseWindow(new TimeOnly(1, 0), new TimeOnly(5, 0), new Price(15))],
    };

    private static (SlotConditionsBuilder Builder, PlanningInputs Inputs) Builder(TariffDefinition? tariff, ExportPriceBasis export = ExportPriceBasis.Tariff)
    {
        var settings = new PlanningSettings
        {
            Slot = TimeSpan.FromMinutes(30),
            Latitude = 35.68,
            Longitude = 139.69,
            Prices = new PriceSourceSettings
            {
                Source = new FileScheduleSource("prices/jepx.csv"),
                Format = PriceFormat.Jepx,
                ImportFactor = 1.1,
                ImportMarkupPerKwh = 14,
                Export = export,
            },
            Forecast = new FileScheduleSource("forecast.csv"),
        };
        var site = TestSites.Site([]) with { TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), Tariff = tariff, Planning = settings };
        var inputs = new PlanningInputs(settings, NullLogger.Instance);
        return (new SlotConditionsBuilder(site, settings, inputs), inputs);
    }

    private static double[] Zeros(int count) => new double[count];

    [Fact]
    public void Spot_prices_become_retail_prices_and_the_tariff_fills_the_slots_they_do_not_cover()
    {
        var (builder, inputs) = Builder(Tariff);
        inputs.Prices!.Offer(LateEvening, "jepx.csv");

        // 22:00 … 01:30: four JEPX slots, then the tariff (40 until 01:00, then 15).
        var slots = builder.Build(TenPm, 8, Zeros(8), Zeros(8), null);

        Assert.Equal([25, 26.1, 27.2, 28.3, 40, 40, 15, 15], slots.Select(s => Math.Round(s.ImportPrice, 9)));
        Assert.All(slots, s => Assert.Equal(8, s.ExportPrice));
        Assert.Equal([400, 410, 420, 430, 0, 0, 0, 0], slots.Select(s => s.Co2GramsPerKwh));
    }

    [Fact]
    public void Without_a_tariff_the_last_known_price_holds_and_export_can_follow_the_spot_price()
    {
        var (builder, inputs) = Builder(tariff: null, ExportPriceBasis.Spot);
        inputs.Prices!.Offer(LateEvening, "jepx.csv");

        var slots = builder.Build(TenPm, 6, Zeros(6), Zeros(6), null);

        Assert.Equal([25, 26.1, 27.2, 28.3, 28.3, 28.3], slots.Select(s => Math.Round(s.ImportPrice, 9)));
        Assert.Equal([10, 11, 12, 13, 13, 13], slots.Select(s => s.ExportPrice));
        Assert.Equal(430, slots[^1].Co2GramsPerKwh);
    }

    [Fact]
    public void Before_any_schedule_arrives_the_tariff_prices_every_slot_and_a_new_one_moves_the_version()
    {
        var (builder, inputs) = Builder(Tariff);

        Assert.Equal([40, 40, 40, 40, 40, 40, 15], builder.Build(TenPm, 7, Zeros(7), Zeros(7), null).Select(s => s.ImportPrice));
        Assert.Equal(0, builder.Version);

        inputs.Prices!.Offer(LateEvening, "jepx.csv");
        Assert.Equal(1, builder.Version);
        inputs.Forecast!.Offer("start,pv_kw\n2026-11-23T22:00:00+09:00,0\n", "forecast.csv");
        Assert.Equal(2, builder.Version);
    }

    [Fact]
    public void The_forecast_schedule_replaces_the_history_forecast_where_it_has_the_slot()
    {
        var (builder, inputs) = Builder(Tariff);
        inputs.Forecast!.Offer("start,pv_kw,load_kw\n2026-11-23T13:30:00Z,0.5,2.5\n", "forecast.csv");

        // History: PV 1 kW every slot, the house 0.8 kW in slot 0 and unknown after it (→ last slot, 0.6 kW).
        var slots = builder.Build(TenPm, 3, [1, 1, 1], [0.8, 0, 0], lastLoadKw: 0.6);

        Assert.Equal([1, 0.5, 1], slots.Select(s => s.PvKw));
        Assert.Equal([0.8, 2.5, 0.6], slots.Select(s => s.LoadKw));
    }
}
