using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;
using GridEdge.Domain.Site;

namespace GridEdge.Host.Status;

/// <summary>One chargepoint in the status report: what it reports and what the controller told it, and why.</summary>
internal sealed record ChargePointStatusReport
{
    public required string Id { get; init; }

    public required string Mode { get; init; }

    public required string? Status { get; init; }

    public required int? ActivePhases { get; init; }

    public required double? CurrentA { get; init; }

    public required double? PowerW { get; init; }

    public required double? SessionEnergyWh { get; init; }

    public required double? Soc { get; init; }

    public required SetpointStatus Setpoint { get; init; }

    public required string Reason { get; init; }

    public required string Detail { get; init; }

    /// <summary>The MQTT driver's link: messages, refused payloads and availability (null for in-process chargers).</summary>
    public ChargerLinkStatus? Mqtt { get; init; }

    public static ChargePointStatusReport Create(ChargeMode mode, Reading<ChargePointSample>? reading, ChargePointDecision decision)
    {
        var sample = reading?.Value;
        var setpoint = decision.Setpoint;
        return new ChargePointStatusReport
        {
            Id = decision.ChargePointId,
            Mode = mode.ToString().ToLowerInvariant(),
            Status = sample?.Status.ToString().ToLowerInvariant(),
            ActivePhases = sample?.ActivePhases,
            CurrentA = sample is null ? null : Math.Round(sample.ChargeCurrent.Amperes, 2),
            PowerW = sample is null ? null : Math.Round(sample.Power.Watts, 1),
            SessionEnergyWh = sample is null ? null : Math.Round(sample.SessionEnergy.WattHours, 1),
            Soc = sample?.Vehicle?.StateOfCharge is { } soc ? Math.Round(soc, 4) : null,
            Setpoint = new SetpointStatus(Math.Round(setpoint.Current.Amperes, 2), setpoint.Phases, Math.Round(setpoint.Power.Watts, 1), setpoint.ExpiresAt),
            Reason = decision.Reason.ToString(),
            Detail = decision.Detail,
        };
    }
}

internal sealed record ChargerLinkStatus(long Messages, long InvalidPayloads, string? LastError, bool Offline);

internal sealed record SetpointStatus(double CurrentA, int Phases, double PowerW, DateTimeOffset ExpiresAt);
