namespace GridEdge.Optimization.Model;

/// <summary>
/// The values of one solve, copied out of the native solver so a later re-solve that fails (a repair
/// that turned out infeasible) cannot take them away. BatteryNet is charge − discharge per slot (null
/// without a battery); Vehicles follow <see cref="PlanModel.Vehicles"/>.
/// </summary>
internal sealed record Solution(
    double Objective,
    double[] Import,
    double[] Export,
    double[] PvUsed,
    double[]? BatteryNet,
    double[]? Soc,
    VehicleValues[] Vehicles,
    double DemandExcessKw)
{
    public static Solution Read(PlanModel model)
    {
        var h = model.Context.Horizon;
        var import = new double[h];
        var export = new double[h];
        var pvUsed = new double[h];
        for (var t = 0; t < h; t++)
        {
            import[t] = model.Grid.Import[t].SolutionValue();
            export[t] = model.Grid.Export[t].SolutionValue();
            pvUsed[t] = model.Grid.PvUsed[t].SolutionValue();
        }

        double[]? net = null;
        double[]? soc = null;
        if (model.Battery is { } battery)
        {
            net = new double[h];
            soc = new double[h];
            for (var t = 0; t < h; t++)
            {
                net[t] = battery.Charge[t].SolutionValue() - battery.Discharge[t].SolutionValue();
                soc[t] = battery.Soc[t].SolutionValue();
            }
        }

        var vehicles = new VehicleValues[model.Vehicles.Count];
        for (var k = 0; k < vehicles.Length; k++)
        {
            vehicles[k] = VehicleValues.Read(model.Vehicles[k]);
        }

        var excess = model.Demand?.Excess.SolutionValue() ?? 0;
        return new Solution(model.Solver.Objective().Value(), import, export, pvUsed, net, soc, vehicles, excess);
    }
}
