using Google.OrTools.LinearSolver;

namespace GridEdge.Optimization.Model;

/// <summary>Grid import and export and PV used per slot (curtailment = PV − used, and is free).</summary>
internal sealed record GridVariables(Variable[] Import, Variable[] Export, Variable[] PvUsed)
{
    public static GridVariables Add(ModelContext m)
    {
        var grid = m.Request.Grid;
        var import = new Variable[m.Horizon];
        var export = new Variable[m.Horizon];
        var pvUsed = new Variable[m.Horizon];
        var deadlines = Deadlines(m.Request);
        for (var t = 0; t < m.Horizon; t++)
        {
            var slot = m.Request.Slots[t];
            import[t] = m.NumVar(0, grid.ImportLimitKw);
            export[t] = m.NumVar(0, Math.Max(0, grid.ExportLimitKw));
            pvUsed[t] = m.NumVar(0, Math.Max(0, slot.PvKw));
            m.Balance[t].SetCoefficient(import[t], 1);
            m.Balance[t].SetCoefficient(export[t], -1);
            m.Balance[t].SetCoefficient(pvUsed[t], 1);
            m.Objective.SetCoefficient(import[t], m.Dt * m.Prices.EffectiveImport[t]);
            m.Objective.SetCoefficient(export[t], -m.Dt * slot.ExportPrice);
            if (deadlines.Contains(t))
            {
                AddLimitReserve(m, import[t]);
            }
        }

        return new GridVariables(import, export, pvUsed);
    }

    /// <summary>
    /// Keeps the load surprise free below the import limit in a deadline slot: import into that room pays a
    /// share of the mean price per kWh, so the plan does not stack what must be done by then at the limit
    /// when a slot nearly as cheap has room. Elsewhere a spike that sheds a car is caught up later.
    /// </summary>
    private static void AddLimitReserve(ModelContext m, Variable import)
    {
        var surprise = Math.Min(m.Request.LoadSurpriseKw, m.Request.Grid.ImportLimitKw);
        if (surprise <= 0 || double.IsInfinity(m.Request.Grid.ImportLimitKw))
        {
            return;
        }

        var used = m.NumVar(0, surprise);
        m.Objective.SetCoefficient(used, m.Dt * m.ImportReservePerKwh);
        var row = m.Solver.MakeConstraint(double.NegativeInfinity, m.Request.Grid.ImportLimitKw - surprise, "");
        row.SetCoefficient(import, 1);
        row.SetCoefficient(used, -1);
    }

    /// <summary>Slots after which nothing can be caught up: a car's last before it leaves, and the site's last with a battery's terminal SoC.</summary>
    private static HashSet<int> Deadlines(Planning.PlanningRequest request)
    {
        var horizon = request.Slots.Count;
        var deadlines = request.Vehicles.Select(v => v.DepartureSlot - 1).Where(t => t >= 0 && t < horizon).ToHashSet();
        if (!request.HorizonTruncated && request.Battery is not null && horizon > 0)
        {
            deadlines.Add(horizon - 1);
        }

        return deadlines;
    }
}
