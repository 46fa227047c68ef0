namespace GridEdge.Domain.Site;

/// <summary>What a meter measures. The sign convention is always + consumption/import, − generation/export.</summary>
public enum MeterRole
{
    Grid,
    Pv,
    Battery,
    Load,
}
