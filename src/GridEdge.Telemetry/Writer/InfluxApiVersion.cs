namespace GridEdge.Telemetry.Writer;

/// <summary>Which write API the server speaks.</summary>
public enum InfluxApiVersion
{
    /// <summary><c>/write?db=&amp;rp=</c>, Basic auth or u/p (InfluxDB 1.x, VictoriaMetrics).</summary>
    V1 = 1,

    /// <summary><c>/api/v2/write?org=&amp;bucket=</c>, <c>Authorization: Token</c> (InfluxDB 2.x/3.x, VictoriaMetrics).</summary>
    V2 = 2,
}
