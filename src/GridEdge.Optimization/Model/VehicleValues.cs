namespace GridEdge.Optimization.Model;

/// <summary>One vehicle's solved charge, discharge and energy per connected slot, and its shortfall.</summary>
internal sealed record VehicleValues(double[] Charge, double[] Discharge, double[] Energy, double ShortfallKwh)
{
    public static VehicleValues Read(VehicleVariables v)
    {
        var charge = new double[v.Count];
        var discharge = new double[v.Count];
        var energy = new double[v.Count];
        for (var j = 0; j < v.Count; j++)
        {
            charge[j] = v.Charge[j].SolutionValue();
            discharge[j] = v.Discharge?[j].SolutionValue() ?? 0;
            energy[j] = v.Energy[j].SolutionValue();
        }

        return new VehicleValues(charge, discharge, energy, Math.Max(0, v.Shortfall?.SolutionValue() ?? 0));
    }
}
