using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>battery:</c> section.</summary>
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
        if (capacity is null || maxCharge is null || maxDischarge is null)
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
        };
    }
}
