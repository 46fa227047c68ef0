namespace GridEdge.Domain.Readings;

/// <summary>How far a reading can be trusted, independent of its age.</summary>
public enum ReadingQuality
{
    /// <summary>Measured and plausible.</summary>
    Good,

    /// <summary>Derived or partly missing (e.g. phase currents estimated from total power).</summary>
    Estimated,

    /// <summary>The device reported an error or an implausible value; do not control on it.</summary>
    Invalid,
}
