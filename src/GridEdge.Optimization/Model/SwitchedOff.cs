namespace GridEdge.Optimization.Model;

/// <summary>A rounding that left a car with less energy than the LP gave it: a charge fixed at 0, or a discharge fixed on.</summary>
internal readonly record struct SwitchedOff(int Vehicle, int Slot, ChargeDirection Direction);
