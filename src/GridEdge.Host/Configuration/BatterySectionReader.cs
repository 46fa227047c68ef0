using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>battery:</c> section: its limits, and how it is controlled (Modbus, simulated, or not at all).</summary>
internal static class BatterySectionReader
{
    public static BatteryDefinition? Read(ConfigMap root, SiteFileContext context)
    {
        if (root.OptionalMap("battery") is not { } battery)
        {
            return null;
        }

        var capacity = battery.RequiredNumber("capacity_wh", Bounds.Positive);
        var maxCharge = battery.RequiredNumber("max_charge_w", Bounds.Positive);
        var maxDischarge = battery.RequiredNumber("max_discharge_w", Bounds.Positive);
        var minSoc = battery.OptionalNumber("min_soc", Bounds.Fraction) ?? 0.0;
        var maxSocNode = battery.Optional("max_soc");
        var maxSoc = maxSocNode?.AsNumber(Bounds.Fraction) ?? 1.0;
        if (maxSoc <= minSoc)
        {
            var at = maxSocNode ?? battery.Optional("min_soc")!;
            at.Error($"max_soc {Bounds.Format(maxSoc)} must be above min_soc {Bounds.Format(minSoc)}");
        }

        var meterNode = battery.Optional("meter");
        var meter = meterNode is null ? null : context.ResolveMeter(meterNode, MeterRole.Battery);
        var id = battery.Optional("id")?.AsString(SitePatterns.DeviceId(), SitePatterns.DeviceIdHint) ?? "battery";
        var chargeEfficiency = battery.OptionalNumber("charge_efficiency", Bounds.Efficiency) ?? 0.95;
        var dischargeEfficiency = battery.OptionalNumber("discharge_efficiency", Bounds.Efficiency) ?? 0.95;
        var cycleCost = battery.OptionalNumber("cycle_cost_per_kwh", Bounds.NonNegative) ?? 0;
        var simulatedNode = battery.Optional("simulated");
        var simulated = simulatedNode?.AsBool() == true;
        if (simulated)
        {
            context.RequireSimulation(simulatedNode!, "a simulated battery needs a 'simulation' section");
        }

        // Controlled over Modbus (served by the simulation when simulated), or in process when only simulated.
        var modbusNode = battery.Optional("modbus");
        DeviceConnection? connection = modbusNode is null ? (simulated ? new SimulatedConnection() : null) : MeterSectionReader.ReadModbus(modbusNode);
        if (capacity is null || maxCharge is null || maxDischarge is null || (modbusNode is not null && connection is null))
        {
            return null;
        }

        return new BatteryDefinition
        {
            Capacity = new Energy(capacity.Value),
            MaxChargePower = new Power(maxCharge.Value),
            MaxDischargePower = new Power(maxDischarge.Value),
            MinStateOfCharge = minSoc,
            MaxStateOfCharge = maxSoc,
            MeterId = meter,
            Id = id,
            ChargeEfficiency = chargeEfficiency,
            DischargeEfficiency = dischargeEfficiency,
            CycleCostPerKwh = cycleCost,
            Connection = connection,
            Simulated = simulated,
        };
    }
}
