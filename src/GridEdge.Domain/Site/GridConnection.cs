using GridEdge.Domain.Units;

namespace GridEdge.Domain.Site;

/// <summary>The connection to the public grid: main fuse per phase plus optional contractual power limits.</summary>
public sealed record GridConnection
{
    /// <summary>1 (Japanese 200 V single-phase homes) or 3.</summary>
    public required int Phases { get; init; }

    public required Voltage Voltage { get; init; }

    /// <summary>Main fuse rating, per phase.</summary>
    public required Current MaxCurrentPerPhase { get; init; }

    /// <summary>Contractual total import limit; the stricter of this and the fuse holds.</summary>
    public Power? ImportLimit { get; init; }

    /// <summary>Total export limit; zero forbids reverse flow.</summary>
    public Power? ExportLimit { get; init; }

    /// <summary>Id of the meter at the connection point (+ import, − export).</summary>
    public required string MeterId { get; init; }

    /// <summary>The binding total import limit: the fuse on all phases or the contractual limit, whichever is lower.</summary>
    public Power EffectiveImportLimit
    {
        get
        {
            var fuse = MaxCurrentPerPhase.ToPower(Voltage, Phases);
            return ImportLimit is { } limit ? Power.Min(limit, fuse) : fuse;
        }
    }
}
