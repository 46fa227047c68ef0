namespace GridEdge.Domain.Site;

/// <summary>
/// Spot prices for the planner (<c>planning.prices</c>): where they come from, how they are laid out,
/// and how the retail import price follows from them.
/// </summary>
public sealed record PriceSourceSettings
{
    public required ScheduleSource Source { get; init; }

    public required PriceFormat Format { get; init; }

    /// <summary>The JEPX price column: <c>price</c> (system price) or an area such as <c>tokyo</c>.</summary>
    public string Column { get; init; } = "price";

    /// <summary>Multiplies the spot price (e.g. 1.19 for VAT).</summary>
    public double ImportFactor { get; init; } = 1;

    /// <summary>Added per kWh after the factor: grid fees, levies, the retailer's margin.</summary>
    public double ImportMarkupPerKwh { get; init; }

    public ExportPriceBasis Export { get; init; } = ExportPriceBasis.Tariff;

    /// <summary>What a kWh imported costs when the spot price is <paramref name="spotPerKwh"/>.</summary>
    public double ImportPrice(double spotPerKwh) => (spotPerKwh * ImportFactor) + ImportMarkupPerKwh;
}
