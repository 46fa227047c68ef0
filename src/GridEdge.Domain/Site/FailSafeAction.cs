namespace GridEdge.Domain.Site;

/// <summary>What chargers do when the controller cannot trust the grid meter.</summary>
public enum FailSafeAction
{
    /// <summary>Chargers to their minimum current: cars keep charging slowly.</summary>
    MinCurrent,

    /// <summary>Chargers off.</summary>
    Off,
}
