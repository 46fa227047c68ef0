namespace GridEdge.Domain.Site;

/// <summary>What exported energy earns while a price schedule is in force.</summary>
public enum ExportPriceBasis
{
    /// <summary>The tariff's flat export price (0 without a tariff).</summary>
    Tariff,

    /// <summary>The spot price of the slot, as a direct-marketing contract pays it.</summary>
    Spot,
}
