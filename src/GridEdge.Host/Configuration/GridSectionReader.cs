using GridEdge.Domain.Site;
using GridEdge.Domain.Units;

namespace GridEdge.Host.Configuration;

/// <summary>Reads the <c>grid:</c> section; records phases and voltage for the charger checks.</summary>
internal static class GridSectionReader
{
    /// <summary>Voltages a grid or chargepoint may have, per phase (or the Japanese 200 V line).</summary>
    public static readonly Bounds VoltageBounds = Bounds.Between(100, 400);

    public static GridConnection? Read(ConfigMap root, SiteFileContext context)
    {
        if (root.RequiredMap("grid") is not { } grid)
        {
            return null;
        }

        var phases = grid.RequiredChoice("phases", SiteKeywords.PhaseCounts);
        var voltage = grid.RequiredNumber("voltage_v", VoltageBounds);
        var maxCurrent = grid.RequiredNumber("max_current_a", new Bounds(0, 2000, MinExclusive: true));
        var importLimit = grid.OptionalNumber("import_limit_w", Bounds.Positive);
        var exportLimit = grid.OptionalNumber("export_limit_w", Bounds.NonNegative);
        var meterNode = grid.Required("meter");
        var meter = meterNode is null ? null : context.ResolveMeter(meterNode, MeterRole.Grid);
        context.GridPhases = phases;
        context.GridVoltage = voltage;
        if (phases is null || voltage is null || maxCurrent is null || meter is null)
        {
            return null;
        }

        return new GridConnection
        {
            Phases = phases.Value,
            Voltage = new Voltage(voltage.Value),
            MaxCurrentPerPhase = new Current(maxCurrent.Value),
            ImportLimit = importLimit is { } import ? new Power(import) : null,
            ExportLimit = exportLimit is { } export ? new Power(export) : null,
            MeterId = meter,
        };
    }
}
