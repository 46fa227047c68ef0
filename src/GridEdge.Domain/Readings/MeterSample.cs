using GridEdge.Domain.Units;

namespace GridEdge.Domain.Readings;

/// <summary>
/// What a meter measured at one instant. Sign convention: + import/consumption, − export/generation.
/// Phase currents are signed the same way as power.
/// </summary>
public sealed record MeterSample
{
    public required Power Power { get; init; }

    /// <summary>Signed current per phase (L1, L2, L3), or empty when the meter reports totals only.</summary>
    public IReadOnlyList<Current> PhaseCurrents { get; init; } = [];

    public Energy? ImportedEnergy { get; init; }

    public Energy? ExportedEnergy { get; init; }
}
