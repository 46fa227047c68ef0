namespace GridEdge.Optimization.Forecasts;

/// <summary>One band of a fixed tariff: from <see cref="From"/> (inclusive) to <see cref="To"/> (exclusive, may wrap past midnight), price per kWh.</summary>
public sealed record TimeOfUseBand(TimeOnly From, TimeOnly To, double PricePerKwh)
{
    public bool Covers(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;
}
