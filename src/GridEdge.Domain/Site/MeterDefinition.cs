namespace GridEdge.Domain.Site;

/// <summary>A meter or inverter that the gateway reads.</summary>
public sealed record MeterDefinition
{
    public required string Id { get; init; }

    public required MeterRole Role { get; init; }

    public required TimeSpan PollInterval { get; init; }

    public required DeviceConnection Connection { get; init; }

    /// <summary>True when the built-in simulation plays this Modbus device behind a server at its endpoint.</summary>
    public bool Simulated { get; init; }
}
