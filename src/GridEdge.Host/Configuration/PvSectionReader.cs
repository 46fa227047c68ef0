using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the optional <c>pv:</c> section.</summary>
internal static class PvSectionReader
{
    public static PvDefinition? Read(ConfigMap root, SiteFileContext context)
    {
        if (root.OptionalMap("pv") is not { } pv)
        {
            return null;
        }

        var peak = pv.RequiredNumber("peak_w", Bounds.Positive);
        var meterNode = pv.Optional("meter");
        var meter = meterNode is null ? null : context.ResolveMeter(meterNode, MeterRole.Pv);
        return peak is null ? null : new PvDefinition { PeakPower = new Power(peak.Value), MeterId = meter };
    }
}
