namespace GridEdge.Optimization.Model;

/// <summary>Which way a vehicle's power flows.</summary>
internal enum ChargeDirection
{
    Charge,
    Discharge,
}
