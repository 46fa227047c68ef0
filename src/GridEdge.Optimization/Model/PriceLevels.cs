using GridEdge.Optimization.Planning;

namespace GridEdge.Optimization.Model;

/// <summary>
/// Reference price levels of a horizon: the effective import price (energy + CO2) per slot, its mean
/// (scale for the churn and tie-break weights) and its median (what energy left at the horizon's end
/// is worth, since it would otherwise be bought at a typical price later).
/// </summary>
internal sealed record PriceLevels(double[] EffectiveImport, double Mean, double Median)
{
    public static PriceLevels Of(PlanningRequest request)
    {
        var co2Price = request.Penalties.Co2PricePerKg;
        var prices = request.Slots.Select(s => s.ImportPrice + (co2Price * s.Co2GramsPerKwh / 1000.0)).ToArray();
        if (prices.Length == 0)
        {
            return new PriceLevels(prices, 0, 0);
        }

        var sorted = prices.Order().ToArray();
        return new PriceLevels(prices, prices.Average(x => Math.Abs(x)), sorted[sorted.Length / 2]);
    }
}
