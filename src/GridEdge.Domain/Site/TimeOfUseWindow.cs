using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>A daily time window (site-local) with its own import price; windows may cross midnight.</summary>
public sealed record TimeOfUseWindow(TimeOnly From, TimeOnly To, Price ImportPrice)
{
    public bool Covers(TimeOnly time) => From < To ? time >= From && time < To : time >= From || time < To;
}
