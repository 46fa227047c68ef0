namespace GridEdge.Domain.Site;

/// <summary>The layout of a price schedule (docs/optimizer.md, Forecasts).</summary>
public enum PriceFormat
{
    /// <summary>JEPX: 48 half hours per JST day, JPY/kWh, the price column chosen by name.</summary>
    Jepx,

    /// <summary>EU day-ahead: 15-minute slots with ISO-8601 starts, price per MWh.</summary>
    EuDayAhead,
}
