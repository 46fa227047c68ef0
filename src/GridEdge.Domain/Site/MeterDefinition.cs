namespace GridEdge.Domain.Site;

/// <summary>A meter or inverter that the gateway reads.</summary>
public sealed record MeterDefinition
{
    public required string Id { get; init; }

    public required MeterRole Role { get; init; }

    public required TimeSpan PollInterval { get; init; }

    public required DeviceConnection Connection { get; init; }
}
