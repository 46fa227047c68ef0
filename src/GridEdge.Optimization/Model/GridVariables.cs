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
        }

        return new GridVariables(import, export, pvUsed);
    }
}
