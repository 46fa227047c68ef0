using GridEdge.Domain.Control;
using GridEdge.Domain.Readings;

namespace GridEdge.Host.Status;

/// <summary>The site battery as the status shows it: what it reports, what it was told and why.</summary>
internal sealed record BatteryStatus(string Id, double? SocPercent, double? PowerW, double? AgeS, double SetpointW, DecisionReason Reason, string Detail)
{
    public static BatteryStatus Create(BatteryDecision decision, Reading<BatterySample>? reading, DateTimeOffset now) => new(
        decision.BatteryId,
        reading is null ? null : Math.Round(reading.Value.StateOfCharge * 100, 1),
        reading is null ? null : Math.Round(reading.Value.Power.Watts, 1),
        reading is null ? null : Math.Round(reading.AgeAt(now).TotalSeconds, 1),
        decision.Setpoint.Watts,
        decision.Reason,
        decision.Detail);
}
