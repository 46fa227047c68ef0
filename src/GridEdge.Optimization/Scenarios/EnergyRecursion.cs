namespace GridEdge.Optimization.Scenarios;

/// <summary>The README's energy recursion, for cars and the battery alike: ηc on the way in, 1/ηd on the way out.</summary>
public static class EnergyRecursion
{
    public static double After(double energy, double powerKw, double hours, double chargeEfficiency, double dischargeEfficiency) =>
        powerKw >= 0 ? energy + (chargeEfficiency * powerKw * hours) : energy + (powerKw * hours / dischargeEfficiency);

    public static double After(ScenarioVehicle vehicle, double energy, double powerKw, double hours)
    {
        ArgumentNullException.ThrowIfNull(vehicle);
        return After(energy, powerKw, hours, vehicle.ChargeEfficiency, vehicle.DischargeEfficiency);
    }
}
