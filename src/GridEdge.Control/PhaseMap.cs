using GridEdge.Domain.Site;

namespace GridEdge.Control;

/// <summary>Which grid phases a chargepoint loads when it charges on a given number of phases.</summary>
internal static class PhaseMap
{
    private static readonly double[][] SinglePhase = [[1, 0, 0], [0, 1, 0], [0, 0, 1]];
    private static readonly double[] AllPhases = [1, 1, 1];
    private static readonly double[] OnlyPhase = [1];

    /// <summary>1 for every grid phase carrying the chargepoint's current, 0 elsewhere.</summary>
    public static double[] Usage(ChargePointDefinition chargePoint, int activePhases, int gridPhases)
    {
        if (gridPhases == 1)
        {
            return OnlyPhase;
        }

        return activePhases >= 3 ? AllPhases : SinglePhase[Math.Clamp(chargePoint.GridPhase, 1, 3) - 1];
    }
}
