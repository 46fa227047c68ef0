namespace GridEdge.Optimization.Model;

/// <summary>What the repair passes of one plan ended with: the solution, LP solves and powers rounded; Complete is false when a re-solve failed.</summary>
internal readonly record struct RepairOutcome(Solution Solution, int Solves, int Repaired, bool Complete);
